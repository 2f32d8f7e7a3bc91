/** The "Live" badge: on a live article's page and on its cards in every list, gone once coverage ends. */
export function LiveBadge({ className = '' }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-sm bg-red-700 px-1.5 py-0.5 font-sans text-xs font-bold leading-none tracking-wide text-white ${className}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-white motion-safe:animate-pulse" />
      Live
    </span>
  );
}
