// npm run backup -- --out DIR [--keep N]
// A consistent copy of this site's database file and uploaded images, taken while it runs (lib/ops/backup.ts).
import { createClient } from '@libsql/client';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackup, pruneBackups } from '@/lib/ops/backup';
import { formatBytes, refuseNonFileDatabase } from '@/lib/ops/backup-plan';
import { recordLastBackup } from '@/lib/ops/last-backup';
import { dataDir, env } from '@/lib/env';
import { uploadsDir } from '@/lib/uploads';

const USAGE = 'Usage: npm run backup -- --out DIR [--keep N]';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, keep: { type: 'string' } } });
  if (!values.out) {
    console.error(USAGE);
    return 2;
  }
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) {
    console.error(`--keep must be a whole number of at least 1.\n${USAGE}`);
    return 2;
  }
  const refusal = refuseNonFileDatabase(env.DATABASE_URL, env.DATABASE_SYNC_URL, 'backup');
  if (refusal) {
    console.error(refusal);
    return 1;
  }
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  // Its own connection, not db/index.ts's write queue: VACUUM INTO only reads, beside the site's writers.
  const client = createClient({ url: env.DATABASE_URL, timeout: 5000 });
  try {
    const { folder, manifest } = await createBackup({
      client,
      uploadsDir: uploadsDir(),
      outDir: values.out,
      journalPath: fileURLToPath(new URL('../db/migrations/meta/_journal.json', import.meta.url)),
      appVersion: pkg.version,
    });
    recordLastBackup(dataDir(), {
      folder: resolve(folder),
      createdAt: manifest.createdAt,
      bytes: manifest.bytes,
      tookMs: manifest.tookMs,
      schema: manifest.schema.tag,
    });
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    const images = Object.keys(manifest.files).filter((f) => f.startsWith('uploads/')).length;
    console.log(
      `[backup] ${folder}: ${formatBytes(manifest.bytes)}, ${rows} rows in ${Object.keys(manifest.tables).length} tables, ` +
        `${images} images, schema ${manifest.schema.tag ?? 'unknown'}, ${manifest.tookMs} ms`,
    );
  } finally {
    client.close();
  }
  if (keep !== undefined) {
    const pruned = await pruneBackups(values.out, keep);
    for (const name of pruned) console.log(`[backup] removed the older backup ${name}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('[backup] failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
