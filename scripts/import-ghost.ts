// npm run import:ghost -- export.json [--site-url URL] [--media-dir DIR] [--no-media]
// Imports a Ghost export: posts, pages, tags, authors, feature images, images in posts and old addresses.
import { stat } from 'node:fs/promises';
import { client, db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { importGhostFile } from '@/db/queries/import-ghost';
import type { ImportReport } from '@/db/queries/import-store';
import { importSummary, progressReporter, tellServer, withCtrlC } from './import-cli';
import { GhostExportError } from '@/lib/import/ghost';

const USAGE = 'Usage: npm run import:ghost -- EXPORT.json [--site-url https://old.example] [--media-dir DIR] [--no-media]';

type Args = { file: string; siteUrl?: string; mediaDir?: string; media: boolean };

function parseArgs(args: string[]): Args | null {
  let file: string | undefined;
  const out: Omit<Args, 'file'> = { media: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => (a === name ? args[++i] : a.slice(name.length + 1));
    if (a === '--site-url' || a.startsWith('--site-url=')) out.siteUrl = value('--site-url');
    else if (a === '--media-dir' || a.startsWith('--media-dir=')) out.mediaDir = value('--media-dir');
    else if (a === '--no-media') out.media = false;
    else if (a.startsWith('--') || file) return null;
    else file = a;
  }
  if (out.siteUrl !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/i.test(out.siteUrl)) return null;
  if (out.mediaDir === '') return null;
  return file ? { file, ...out } : null;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  try {
    if (!(await stat(args.file)).isFile()) throw new Error('not a file');
  } catch (err) {
    console.error(`${args.file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return 2;
  }
  if (args.mediaDir && !(await stat(args.mediaDir).catch(() => null))?.isDirectory()) {
    console.error(`${args.mediaDir}: not a folder (--media-dir wants a copy of Ghost's content/images)`);
    return 2;
  }
  await migrateDatabase(db);
  const started = Date.now();
  let report: ImportReport;
  try {
    report = await withCtrlC((signal) =>
      importGhostFile(args.file, {
        onProgress: progressReporter('ghost'),
        siteUrl: args.siteUrl,
        media: args.media ? { dir: args.mediaDir } : false,
        signal,
      }),
    );
  } catch (err) {
    if (err instanceof GhostExportError) {
      console.error(`${err.message}\nNothing was imported.`);
      return 1;
    }
    throw err;
  }
  console.log(importSummary(report, (Date.now() - started) / 1000, { media: args.media, removedTitle: 'Cards left out' }));
  const told = await tellServer(report);
  return report.stopped ? 130 : told;
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
