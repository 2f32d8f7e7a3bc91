import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-center justify-center gap-4 px-4 py-16 text-center">
      <Link href="/" className="font-serif text-3xl font-black">
        Broadsheet
      </Link>
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="font-serif text-lg text-current/75">
        We could not find that page. It may have moved, or the address may be mistyped.
      </p>
      <Link href="/" className="font-semibold text-[var(--color-accent)] underline underline-offset-4">
        Go to the front page
      </Link>
    </div>
  );
}
