import { discardAutosaveAction } from '@/app/admin/articles/[id]/actions';
import { DiffView } from '@/components/admin/diff-view';
import { primaryButton, secondaryButton } from '@/components/ui/styles';
import type { DiffPart } from '@/lib/text/word-diff';
import { formatTimeOfDayInZone } from '@/lib/time/zone';

/**
 * After a crash or a closed tab: the editor's text that was kept but never saved, offered back with
 * what differs from the saved article. Both buttons are plain forms, so they work without JavaScript.
 */
export function AutosaveOffer({
  articleId,
  savedAt,
  diffs,
  timeZone,
}: {
  articleId: number | null;
  savedAt: Date;
  diffs: { field: string; label: string; parts: DiffPart[] }[];
  timeZone: string;
}) {
  // "10:42" on the button; "10:42 BST" in the sentence.
  const at = formatTimeOfDayInZone(savedAt, timeZone).split(' ')[0];
  return (
    <section
      aria-labelledby="autosave-heading"
      className="mb-6 flex flex-col gap-3 rounded-sm border-2 border-sky-700/60 bg-sky-50 p-4 text-sm dark:bg-sky-950/40"
    >
      <h2 id="autosave-heading" className="font-serif text-lg font-bold">
        You have unsaved changes
      </h2>
      <p>
        Text you typed was kept at {formatTimeOfDayInZone(savedAt, timeZone)} but never saved. Restore it into the form, or discard it. Nothing changes for
        readers either way until you save.
      </p>
      <details>
        <summary className="cursor-pointer font-semibold">What differs from the saved article</summary>
        {diffs.map((d) => (
          <div key={d.field} className="mt-2">
            <h3 className="mb-1 text-xs font-bold uppercase tracking-widest">{d.label}</h3>
            <div className="max-h-80 overflow-auto">
              <DiffView parts={d.parts} field={`autosave-${d.field}`} collapse={160} />
            </div>
          </div>
        ))}
      </details>
      <div className="flex flex-wrap gap-3">
        <form method="get">
          <input type="hidden" name="restore" value="autosave" />
          <button type="submit" className={primaryButton}>
            Restore unsaved changes from {at}
          </button>
        </form>
        <form action={discardAutosaveAction}>
          <input type="hidden" name="articleId" value={articleId ?? ''} />
          <button type="submit" className={secondaryButton}>
            Discard
          </button>
        </form>
      </div>
    </section>
  );
}
