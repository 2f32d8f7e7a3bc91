'use client';

import { useEffect } from 'react';

const TYPING = 'input, textarea, select, [contenteditable="true"]';

/**
 * Keyboard shortcuts for the desk: j/k move between replies, x selects, a/u/s/t decide, r replies.
 * They press the same buttons a mouse would, so the server action does the checking.
 */
export function ModerationShortcuts() {
  useEffect(() => {
    const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-reply-row]'));
    const current = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-reply-row]') ?? null;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as HTMLElement | null)?.closest(TYPING)) return;
      const list = rows();
      if (list.length === 0) return;
      const row = current();
      const key = e.key.toLowerCase();
      if (key === 'j' || key === 'k') {
        e.preventDefault();
        const at = row ? list.indexOf(row) : -1;
        const next = key === 'j' ? Math.min(at + 1, list.length - 1) : Math.max(at - 1, 0);
        list[next].focus();
        list[next].scrollIntoView({ block: 'nearest' });
        return;
      }
      if (!row) return;
      if (key === 'x') {
        e.preventDefault();
        row.querySelector<HTMLInputElement>('input[type="checkbox"][name="ids"]')?.click();
        return;
      }
      if (['a', 'u', 's', 't', 'r'].includes(key)) {
        const button = row.querySelector<HTMLButtonElement>(`[data-shortcut="${key}"]`);
        if (!button || button.disabled) return;
        e.preventDefault();
        // The next row keeps the keyboard's place once this one leaves the queue.
        const at = list.indexOf(row);
        sessionStorage.setItem('desk-focus', String(at));
        button.click();
      }
    };
    document.addEventListener('keydown', onKey);
    // Tests (and curious users) can tell the shortcuts are live.
    document.documentElement.dataset.deskShortcuts = 'on';
    // After a decision the page comes back; put focus where the moderator was.
    const saved = sessionStorage.getItem('desk-focus');
    if (saved !== null) {
      sessionStorage.removeItem('desk-focus');
      const list = rows();
      list[Math.min(Number(saved), list.length - 1)]?.focus();
    }
    return () => {
      document.removeEventListener('keydown', onKey);
      delete document.documentElement.dataset.deskShortcuts;
    };
  }, []);
  return null;
}
