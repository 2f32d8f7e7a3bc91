import type { QueueRow } from '@/db/queries/moderation-queue';
import { summariseReports } from '@/lib/replies/desk-text';

/** Readers' open reports, one line per reason with its count ("Spam or advertising (3)") and their notes. */
export function ReplyReports({ reports }: { reports: QueueRow['reports'] }) {
  if (reports.length === 0) return null;
  return (
    <div className="mt-2 rounded-sm bg-red-50 px-2 py-1 text-sm text-red-950 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">
        Reported by {reports.length} {reports.length === 1 ? 'reader' : 'readers'}:
      </p>
      <ul className="list-disc pl-5">
        {summariseReports(reports).map((r) => (
          <li key={r.reason}>
            {r.label}
            {r.notes.length > 0 && <> — {r.notes.map((note) => `“${note}”`).join(', ')}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
