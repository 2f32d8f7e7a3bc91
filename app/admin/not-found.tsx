import Link from 'next/link';

// An admin page that called notFound() (an article or revision that is not there), under the admin header.
export default function AdminNotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mb-6">There is nothing at this address: it may have been deleted, or the link may be wrong.</p>
      <Link href="/admin" className="font-semibold underline underline-offset-4">
        Back to the dashboard
      </Link>
    </div>
  );
}
