/**
 * What every import command shares (npm run import:wxr, npm run import:ghost): checking the export
 * and media folder, the progress bar, the summary, Ctrl-C, telling the running server what changed,
 * and the exit code.
 */
import { stat } from 'node:fs/promises';
import { client } from '@/db';
import type { ImportReport } from '@/db/queries/import-store';
import { revalidateOnServer, serverUrl } from '@/lib/revalidate/remote';
import { formatDuration, progressLine } from '@/lib/import/progress';

const TAGS_PER_CALL = 500;

/** A bar redrawn in place on a terminal; a line every few seconds otherwise (logs, CI). */
export function progressReporter(label: string): (done: number, total: number) => void {
  let last = 0;
  const started = Date.now();
  const tty = Boolean(process.stderr.isTTY);
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < (tty ? 200 : 5000)) return;
    last = now;
    const line = progressLine(done, total, (now - started) / 1000, tty ? Math.min(process.stderr.columns || 80, 100) : 0, label);
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    if (done === total && tty) process.stderr.write('\n');
  };
}

/** The summary printed when an import ends: counts, images left behind, and what was dropped or noted. */
export function importSummary(r: ImportReport, seconds: number, options: { media: boolean; removedTitle: string }): string {
  const handled = r.posts.created + r.posts.updated + r.posts.unchanged;
  const lines = [
    `Imported from ${r.site} in ${formatDuration(seconds)} (${r.items} items, ${(handled / Math.max(seconds, 0.001)).toFixed(0)} posts/s):`,
    `  posts:    ${r.posts.created} new, ${r.posts.updated} updated, ${r.posts.unchanged} unchanged`,
    `  pages:    ${r.pages.created} new, ${r.pages.updated} updated, ${r.pages.unchanged} unchanged`,
    `  comments: ${r.comments.created} new, ${r.comments.updated} updated`,
    options.media
      ? `  media:    ${r.media.broughtHome} brought home, ${r.media.alreadyHome} already home, ${r.media.failed} failed`
      : '  media:    not fetched (--no-media): images keep their old addresses',
    `  covers set: ${r.coversSet}`,
    `  authors created: ${r.authorsCreated} (they cannot sign in until an admin gives them a password)`,
    `  sections created: ${r.sectionsCreated}`,
    `  old addresses kept as 301s: ${r.redirects}`,
  ];
  if (r.media.failures.length) {
    lines.push(
      `Images that stay at their old address (${r.media.failed}${r.media.failed > r.media.failures.length ? `, the first ${r.media.failures.length} listed` : ''}):`,
    );
    for (const f of r.media.failures) lines.push(`  ${f.url}: ${f.reason}`);
  }
  const list = (title: string, map: Map<string, number>) => {
    if (!map.size) return;
    lines.push(`${title}:`);
    for (const [reason, n] of [...map].sort((a, b) => b[1] - a[1])) lines.push(`  ${n} × ${reason}`);
  };
  list(options.removedTitle, r.removedShortcodes);
  list('Items skipped', r.skippedPosts);
  list('Comments skipped', r.skippedComments);
  list('Notes', r.notes);
  if (r.stopped) lines.push(`Stopped after ${r.stopped.done} of ${r.stopped.total} items; run the same command again to continue.`);
  return lines.join('\n');
}

/** Runs an import with Ctrl-C meaning "finish the item in hand, then stop"; a second Ctrl-C quits at once. */
export async function withCtrlC<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    process.stderr.write('\nStopping after the current item…\n');
  };
  process.on('SIGINT', onSigint);
  try {
    return await run(stop.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Tells the running server which cached pages the import changed, and to reload its old addresses. 1 when it could not be told. */
export async function tellServer(report: ImportReport): Promise<number> {
  const tags = [...report.touched];
  for (let i = 0; i < tags.length; i += TAGS_PER_CALL) {
    // Imported addresses become redirects: the table is reloaded once, with the last batch.
    const last = i + TAGS_PER_CALL >= tags.length;
    const result = await revalidateOnServer(tags.slice(i, i + TAGS_PER_CALL), { redirects: last });
    if (!result.ok && result.notRunning) {
      console.log(`No server is running at ${serverUrl()}; pages will be fresh when it starts.`);
      return 0;
    }
    if (!result.ok) {
      console.error(`The import is stored, but the server at ${serverUrl()} could not be told to refresh: ${result.error}`);
      return 1;
    }
    if (last) {
      console.log(`Told the server at ${serverUrl()} to refresh ${tags.length} cached pages and its old addresses.`);
      return 0;
    }
  }
  return 0;
}

/**
 * Why the export file or the --media-dir folder cannot be used (null: both can). `mediaHint` names
 * the folder the option wants, for the message.
 */
export async function inputProblem(file: string, mediaDir: string | undefined, mediaHint: string): Promise<string | null> {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch (err) {
    return `${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  if (mediaDir && !(await stat(mediaDir).catch(() => null))?.isDirectory()) return `${mediaDir}: not a folder (--media-dir wants a copy of ${mediaHint})`;
  return null;
}

/** Runs an import command's main and exits with its code, closing the database first. */
export function runCommand(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2))
    .then((code) => {
      client.close();
      process.exit(code);
    })
    .catch((err) => {
      console.error('Import failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
