// npm run import:wxr -- export.xml [--media-dir DIR] [--no-media]
// Imports a WordPress export: posts, comments, pages, authors, categories, tags, images and old addresses.
import { stat } from 'node:fs/promises';
import { client, db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { importWxrFile, type WxrImportReport } from '@/db/queries/import-wxr';
import { WxrSyntaxError } from '@/lib/import/wxr';
import { formatDuration, progressLine } from '@/lib/import/progress';
import { revalidateOnServer, serverUrl } from '@/lib/revalidate/remote';

const TAGS_PER_CALL = 500;
const USAGE = 'Usage: npm run import:wxr -- EXPORT.xml [--media-dir DIR] [--no-media]';

/** A bar redrawn in place on a terminal; a line every few seconds otherwise (logs, CI). */
function progress(): (done: number, total: number) => void {
  let last = 0;
  const started = Date.now();
  const tty = Boolean(process.stderr.isTTY);
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < (tty ? 200 : 5000)) return;
    last = now;
    const line = progressLine(done, total, (now - started) / 1000, tty ? Math.min(process.stderr.columns || 80, 100) : 0);
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    if (done === total && tty) process.stderr.write('\n');
  };
}

function summary(r: WxrImportReport, seconds: number, media: boolean): string {
  const handled = r.posts.created + r.posts.updated + r.posts.unchanged;
  const lines = [
    `Imported from ${r.site} in ${formatDuration(seconds)} (${r.items} items, ${(handled / Math.max(seconds, 0.001)).toFixed(0)} posts/s):`,
    `  posts:    ${r.posts.created} new, ${r.posts.updated} updated, ${r.posts.unchanged} unchanged`,
    `  pages:    ${r.pages.created} new, ${r.pages.updated} updated, ${r.pages.unchanged} unchanged`,
    `  comments: ${r.comments.created} new, ${r.comments.updated} updated`,
    media
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
  list('Shortcodes removed', r.removedShortcodes);
  list('Items skipped', r.skippedPosts);
  list('Comments skipped', r.skippedComments);
  list('Notes', r.notes);
  return lines.join('\n');
}

function parseArgs(args: string[]): { file: string; mediaDir?: string; media: boolean } | null {
  let file: string | undefined;
  let mediaDir: string | undefined;
  let media = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--media-dir') {
      mediaDir = args[++i];
      if (!mediaDir) return null;
    } else if (a.startsWith('--media-dir=')) mediaDir = a.slice('--media-dir='.length);
    else if (a === '--no-media') media = false;
    else if (a.startsWith('--') || file) return null;
    else file = a;
  }
  return file ? { file, mediaDir, media } : null;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const { file, mediaDir } = args;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch (err) {
    console.error(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return 2;
  }
  if (mediaDir) {
    const dir = await stat(mediaDir).catch(() => null);
    if (!dir?.isDirectory()) {
      console.error(`${mediaDir}: not a folder (--media-dir wants a copy of wp-content/uploads)`);
      return 2;
    }
  }
  await migrateDatabase(db);
  const started = Date.now();
  // Ctrl-C: finish the post in hand (its transaction), then stop; a second Ctrl-C quits at once.
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    process.stderr.write('\nStopping after the current item…\n');
  };
  process.on('SIGINT', onSigint);
  let report: WxrImportReport;
  try {
    report = await importWxrFile(file, { onProgress: progress(), media: args.media ? { dir: mediaDir } : false, signal: stop.signal });
  } catch (err) {
    if (err instanceof WxrSyntaxError) {
      console.error(`${err.message}\nNothing was imported.`);
      return 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
  console.log(summary(report, (Date.now() - started) / 1000, args.media));
  if (report.stopped) console.log(`Stopped after ${report.stopped.done} of ${report.stopped.total} items; run the same command again to continue.`);

  const tags = [...report.touched];
  for (let i = 0; i < tags.length; i += TAGS_PER_CALL) {
    // Imported permalinks become redirects: the table is reloaded once, with the last batch.
    const result = await revalidateOnServer(tags.slice(i, i + TAGS_PER_CALL), { redirects: i + TAGS_PER_CALL >= tags.length });
    if (!result.ok && result.notRunning) {
      console.log(`No server is running at ${serverUrl()}; pages will be fresh when it starts.`);
      break;
    }
    if (!result.ok) {
      console.error(`The import is stored, but the server at ${serverUrl()} could not be told to refresh: ${result.error}`);
      return 1;
    }
    if (i + TAGS_PER_CALL >= tags.length) console.log(`Told the server at ${serverUrl()} to refresh ${tags.length} cached pages and its old addresses.`);
  }
  return report.stopped ? 130 : 0;
}

main(process.argv.slice(2))
  .then((code) => {
    client.close();
    process.exit(code);
  })
  .catch((err) => {
    console.error('Import failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
