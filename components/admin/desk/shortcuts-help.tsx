/** The keys the desk answers to (components/admin/desk/shortcuts.tsx wires them up). */
const KEYS: [string, string][] = [
  ['j / k', 'next / previous reply'],
  ['x', 'select the reply'],
  ['a', 'approve'],
  ['u', 'unapprove (restore in spam and trash)'],
  ['s', 'spam'],
  ['t', 'trash'],
  ['r', 'reply'],
];

export function ShortcutsHelp() {
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading" className="mb-2 font-serif text-lg font-bold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {KEYS.map(([k, v]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded-sm border border-current/30 px-1 font-mono">{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
