// npm run import:wxr -- export.xml [--media-dir DIR] [--no-media]
// Imports a WordPress export: posts, comments, pages, authors, categories, tags, images and old addresses.
import { db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { importWxrFile, type WxrImportReport } from '@/db/queries/import-wxr';
import { WxrSyntaxError } from '@/lib/import/wxr';
import { importSummary, inputProblem, progressReporter, runCommand, tellServer, withCtrlC } from './import-cli';

const USAGE = 'Usage: npm run import:wxr -- EXPORT.xml [--media-dir DIR] [--no-media]';

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
  const problem = await inputProblem(file, mediaDir, 'wp-content/uploads');
  if (problem) {
    console.error(problem);
    return 2;
  }
  await migrateDatabase(db);
  const started = Date.now();
  let report: WxrImportReport;
  try {
    report = await withCtrlC((signal) => importWxrFile(file, { onProgress: progressReporter('wxr'), media: args.media ? { dir: mediaDir } : false, signal }));
  } catch (err) {
    if (err instanceof WxrSyntaxError) {
      console.error(`${err.message}\nNothing was imported.`);
      return 1;
    }
    throw err;
  }
  console.log(importSummary(report, (Date.now() - started) / 1000, { media: args.media, removedTitle: 'Shortcodes removed' }));
  const told = await tellServer(report);
  return report.stopped ? 130 : told;
}

runCommand(main);
