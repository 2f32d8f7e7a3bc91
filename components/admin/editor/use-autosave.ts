'use client';

import { useEffect, useRef, useState } from 'react';
import { autosaveArticleAction } from '@/app/admin/articles/[id]/actions';
import { createAutosaveQueue, type AutosaveQueue } from '@/lib/articles/autosave-queue';

/** Seconds of no typing before the private copy is kept, and the longest typing goes on without one. */
export const AUTOSAVE_IDLE_MS = 3000;
export const AUTOSAVE_MAX_WAIT_MS = 20_000;

type Text = { title: string; standfirst: string; body: string };

function textOf(form: HTMLFormElement | null): Text | null {
  if (!form) return null;
  const data = new FormData(form);
  return { title: String(data.get('title') ?? ''), standfirst: String(data.get('standfirst') ?? ''), body: String(data.get('body') ?? '') };
}

/**
 * Keeps a private copy of what the editor types on the server (see lib/articles/autosave-queue.ts for
 * when), and warns before the page closes while anything typed is unsaved.
 */
export function useAutosave(form: React.RefObject<HTMLFormElement | null>, articleId: number | null, baseVersion: number) {
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const base = useRef(baseVersion);
  // Typed since the page loaded: closing the page now would lose it (unless a save is being sent).
  const dirty = useRef(false);
  const submitting = useRef(false);
  const queue = useRef<AutosaveQueue | null>(null);

  useEffect(() => {
    base.current = baseVersion;
  }, [baseVersion]);

  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const q = createAutosaveQueue<Text>({
      idleMs: AUTOSAVE_IDLE_MS,
      maxWaitMs: AUTOSAVE_MAX_WAIT_MS,
      read: () => textOf(form.current),
      send: async (text) => {
        try {
          const answer = await autosaveArticleAction({ articleId, baseVersion: base.current, ...text });
          if ('savedAt' in answer) {
            setSavedAt(answer.savedAt);
            setFailed(null);
            return true;
          }
          setFailed(answer.error);
        } catch {
          setFailed('Your unsaved changes could not be kept on the server just now; they are still here.');
        }
        return false;
      },
    });
    queue.current = q;
    q.markKept();
    const onInput = () => {
      dirty.current = true;
      q.touched();
    };
    const onSubmit = () => {
      submitting.current = true;
      q.dispose();
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current || submitting.current) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    el.addEventListener('input', onInput);
    el.addEventListener('submit', onSubmit);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      el.removeEventListener('input', onInput);
      el.removeEventListener('submit', onSubmit);
      window.removeEventListener('beforeunload', beforeUnload);
      q.dispose();
    };
  }, [form, articleId]);

  return {
    savedAt,
    failed,
    flush: () => queue.current?.flush() ?? Promise.resolve(),
    /** A save came back refused: what was typed is unsaved again. */
    saveRefused: () => {
      submitting.current = false;
    },
    /** The body changed without typing (an image inserted). */
    changed: () => {
      dirty.current = true;
      queue.current?.touched();
    },
  };
}
