// `npm run restore` (scripts/restore.ts): puts a backup made by lib/ops/backup.ts back into an empty
// database file and uploads folder, after checking every checksum, then migrates it forward so that a
// backup from an older version comes up at the current schema. Nothing is ever deleted: with --force the
// database and images in the way are moved aside under a `.replaced-<time>` name.
import type { Client } from '@libsql/client';
import { checkIntegrity, countRows, databaseHoldsData, openDatabaseFile } from '@/db/queries/backup';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checksumMismatches, DATABASE_FILE, filePathOf, manifestProblems, MANIFEST_FILE, UPLOADS_FOLDER, type Manifest } from './backup-plan';
import { copyTree, fileSize, listFiles, sha256File } from './files';

/** An expected refusal: the script prints its message and exits non-zero, with no stack trace. */
export class RestoreRefused extends Error {}

export type RestoreOptions = {
  /** The backup folder (the one holding manifest.json). */
  from: string;
  /** A file: URL (callers refuse other kinds first, with lib/ops/backup-plan.ts refuseNonFileDatabase). */
  databaseUrl: string;
  uploadsDir: string;
  force?: boolean;
  /** Migrates the restored file forward (db/migrate.ts through a client on it). */
  migrate: (client: Client) => Promise<void>;
  now?: () => Date;
  log?: (line: string) => void;
};

export type RestoreResult = {
  manifest: Manifest;
  movedAside: string[];
  tables: Record<string, number>;
  images: number;
};

export function readManifest(folder: string): Manifest {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) {
    const hint = existsSync(folder) ? latestBackupIn(folder) : null;
    throw new RestoreRefused(
      `${folder} holds no ${MANIFEST_FILE}: give the backup folder itself (broadsheet-YYYYMMDD-HHMMSS).` +
        (hint ? `\nThe newest backup there is ${join(folder, hint)}` : ''),
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new RestoreRefused(`${path} is not valid JSON.`);
  }
  const problems = manifestProblems(parsed);
  if (problems.length > 0) throw new RestoreRefused(`${path} cannot be used: ${problems.join('; ')}.`);
  return parsed as Manifest;
}

function latestBackupIn(folder: string): string | null {
  try {
    const names = readdirSync(folder).filter((n) => existsSync(join(folder, n, MANIFEST_FILE)));
    return names.sort().at(-1) ?? null;
  } catch {
    return null;
  }
}

/** Every file the manifest lists, checked against its sha256; refuses on any difference. */
export async function verifyBackup(folder: string, manifest: Manifest): Promise<void> {
  const actual: Record<string, string | null> = {};
  for (const rel of Object.keys(manifest.files)) {
    const path = join(folder, rel);
    actual[rel] = existsSync(path) ? await sha256File(path) : null;
  }
  const problems = checksumMismatches(manifest.files, actual);
  if (problems.length > 0) {
    throw new RestoreRefused(`The backup in ${folder} is damaged, nothing was restored:\n  ${problems.join('\n  ')}`);
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const from = resolve(options.from);
  const manifest = readManifest(from);
  const target = resolve(filePathOf(options.databaseUrl));
  // The file and the files SQLite keeps beside it; moved aside they keep their suffixes after the new
  // name (x.db.replaced-T-wal), or SQLite would open the old database without its WAL's pages.
  const companions = ['', '-wal', '-shm', '-journal'];
  const dbInTheWay = await databaseHoldsData(target);
  const uploadsInTheWay = (await listFiles(options.uploadsDir)).length > 0;
  if ((dbInTheWay || uploadsInTheWay) && !options.force) {
    const what = [dbInTheWay && `the database ${target} holds data`, uploadsInTheWay && `the uploads folder ${options.uploadsDir} holds files`]
      .filter(Boolean)
      .join(' and ');
    throw new RestoreRefused(
      `Refusing to restore: ${what}.\nRestore into an empty DATABASE_URL, or add --force to move what is there aside (it is kept, not deleted).`,
    );
  }

  // After the cheap refusal above (checksums of a large database take seconds), before anything moves.
  await verifyBackup(from, manifest);
  log(`Checked ${Object.keys(manifest.files).length} files against their checksums.`);

  // Moved aside (never deleted); an empty leftover (a zero-byte file libSQL made) goes too, so nothing mixes.
  const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const movedAside: string[] = [];
  for (const suffix of companions) {
    const path = `${target}${suffix}`;
    if (!existsSync(path)) continue;
    if (!dbInTheWay && fileSize(path) === 0) {
      await rm(path);
      continue;
    }
    const aside = `${target}.replaced-${stamp}${suffix}`;
    await rename(path, aside);
    movedAside.push(aside);
  }
  if (uploadsInTheWay) {
    await rename(options.uploadsDir, `${options.uploadsDir}.replaced-${stamp}`);
    movedAside.push(`${options.uploadsDir}.replaced-${stamp}`);
  }
  for (const path of movedAside) log(`Moved aside: ${path}`);

  // The database through a temporary name, so a crash never leaves a half-copied file under the real one.
  await mkdir(dirname(target), { recursive: true });
  await copyFile(join(from, DATABASE_FILE), `${target}.restoring`);
  await rename(`${target}.restoring`, target);
  const images = (await copyTree(join(from, UPLOADS_FOLDER), options.uploadsDir)).length;
  log(`Restored the database (${manifest.schema.tag ?? 'unknown schema'}) and ${images} images.`);

  const client = openDatabaseFile(target);
  try {
    await options.migrate(client);
    const check = await checkIntegrity(client);
    if (check !== 'ok') throw new Error(`the restored database failed its integrity check: ${check}`);
    const tables = await countRows(client);
    return { manifest, movedAside, tables, images };
  } finally {
    client.close();
  }
}
