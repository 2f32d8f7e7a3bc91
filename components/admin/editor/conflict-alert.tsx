import type { SaveConflict } from '@/app/admin/articles/actions';
import { DiffView } from '@/components/admin/diff-view';
import { primaryButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';

/**
 * A save refused because someone saved first: who and when, the difference between their text and
 * this editor's, and "Save my version". Rendered inside the editor's form; the form now carries the
 * newer version, so saving again after merging by hand works too.
 */
export function ConflictAlert({
  conflict,
  message,
  sameText = 'Your title, standfirst and body are the same as theirs; other fields may differ.',
}: {
  conflict: SaveConflict;
  message: string;
  /** Said when the compared texts are the same (the page editor compares title and body only). */
  sameText?: string;
}) {
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-sm border-2 border-amber-700 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="font-semibold">{message}</p>
      <p className="text-sm">
        Nothing was changed, and your text is still in the form below. Their version is kept in the revisions. Merge by hand and save again, or save your
        version over theirs on purpose (theirs stays in the revisions).
      </p>
      {conflict.diffs.length > 0 ? (
        <details open className="text-sm">
          <summary className="cursor-pointer font-semibold">Your text compared with theirs</summary>
          <p className="my-2 text-xs">
            <del className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">Struck through</del>: their words you would replace.{' '}
            <ins className="bg-green-100 text-green-900 no-underline dark:bg-green-950 dark:text-green-200">Highlighted</ins>: your words.
          </p>
          {conflict.diffs.map((d) => (
            <div key={d.field} className="mt-2">
              <h3 className="mb-1 text-xs font-bold uppercase tracking-widest">{d.label}</h3>
              <div className="max-h-80 overflow-auto bg-white/60 dark:bg-black/20">
                <DiffView parts={d.parts} field={`conflict-${d.field}`} collapse={160} />
              </div>
            </div>
          ))}
        </details>
      ) : (
        <p className="text-sm">{sameText}</p>
      )}
      <div>
        <SubmitButton name="intent" value={conflict.intent} className={primaryButton}>
          Save my version
        </SubmitButton>
      </div>
    </div>
  );
}
