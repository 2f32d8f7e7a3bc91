// npm run import:ghost -- export.json [--site-url URL] [--media-dir DIR] [--no-media]
// Imports a Ghost export: posts, pages, tags, authors, feature images, images in posts and old addresses.
import { db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { importGhostFile } from '@/db/queries/import-ghost';
import type { ImportReport } from '@/db/queries/import-store';
import { importSummary, inputProblem, progressReporter, runCommand, tellServer, withCtrlC } from './import-cli';
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
  const problem = await inputProblem(args.file, args.mediaDir, "Ghost's content/images");
  if (problem) {
    console.error(problem);
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

runCommand(main);
