// npm run import:wxr -- export.xml   Imports a WordPress export (posts, comments, authors, categories, tags).
import { stat } from 'node:fs/promises';
import { client, db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { importWxrFile, type WxrImportReport } from '@/db/queries/import-wxr';
import { WxrSyntaxError } from '@/lib/import/wxr';
import { revalidateOnServer, serverUrl } from '@/lib/revalidate/remote';

const TAGS_PER_CALL = 500;

function progress(): (done: number, total: number) => void {
  let last = 0;
  const started = Date.now();
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - last < 1000) return;
    last = now;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    process.stderr.write(`[wxr] ${done}/${total} items (${rate.toFixed(0)}/s)${process.stderr.isTTY ? '\r' : '\n'}`);
    if (done === total && process.stderr.isTTY) process.stderr.write('\n');
  };
}

function summary(r: WxrImportReport, seconds: number): string {
  const lines = [
    `Imported from ${r.site} in ${seconds.toFixed(1)} s (${r.items} items, ${((r.posts.created + r.posts.updated) / Math.max(seconds, 0.001)).toFixed(0)} posts/s):`,
    `  posts:    ${r.posts.created} new, ${r.posts.updated} updated`,
    `  comments: ${r.comments.created} new, ${r.comments.updated} updated`,
    `  authors created: ${r.authorsCreated} (they cannot sign in until an admin gives them a password)`,
    `  sections created: ${r.sectionsCreated}`,
    `  old permalinks kept as 301s: ${r.redirects}`,
  ];
  const list = (title: string, map: Map<string, number>) => {
    if (!map.size) return;
    lines.push(`${title}:`);
    for (const [reason, n] of [...map].sort((a, b) => b[1] - a[1])) lines.push(`  ${n} × ${reason}`);
  };
  list('Posts skipped', r.skippedPosts);
  list('Comments skipped', r.skippedComments);
  list('Notes', r.notes);
  return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('Usage: npm run import:wxr -- EXPORT.xml');
    return 2;
  }
  const file = args[0];
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch (err) {
    console.error(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return 2;
  }
  await migrateDatabase(db);
  const started = Date.now();
  let report: WxrImportReport;
  try {
    report = await importWxrFile(file, { onProgress: progress() });
  } catch (err) {
    if (err instanceof WxrSyntaxError) {
      console.error(`${err.message}\nNothing was imported.`);
      return 1;
    }
    throw err;
  }
  console.log(summary(report, (Date.now() - started) / 1000));

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
  return 0;
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
