/**
 * The refusal a plain form came back with (`?error=…`, set by staffRedirectAction), announced at once.
 * Only text is shown, cut short, so a crafted link cannot fill the page.
 */
export function ErrorNotice({ error }: { error: string | string[] | undefined }) {
  const text = (Array.isArray(error) ? error[0] : error)?.trim().slice(0, 300);
  if (!text) return null;
  return (
    <p
      role="alert"
      className="mb-4 rounded-sm border border-red-700/40 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800 dark:bg-red-950/40 dark:text-red-200"
    >
      {text}
    </p>
  );
}
