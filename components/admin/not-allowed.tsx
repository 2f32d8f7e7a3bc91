import Link from 'next/link';
import { NOT_ALLOWED } from '@/lib/auth/not-allowed';

/**
 * What an admin page shows a role that may not see it. The proxy's gate answers such requests with a
 * 403 before the page renders (lib/auth/admin-gate.ts); this is the page's own check behind it.
 */
export function NotAllowed() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">{NOT_ALLOWED.heading}</h1>
      <p>{NOT_ALLOWED.explanation}</p>
      <p>
        <Link href={NOT_ALLOWED.back.href} className="font-semibold underline underline-offset-4">
          {NOT_ALLOWED.back.label}
        </Link>
      </p>
    </div>
  );
}
