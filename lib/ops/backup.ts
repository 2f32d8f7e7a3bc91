// `npm run backup` (scripts/backup.ts): a consistent copy of a running site's database file and its
// uploaded images, with a manifest. The database is copied with VACUUM INTO, a read transaction: the
// site keeps reading and writing while it runs (WAL), and the copy is one moment's state, never a
// half-written page. A plain copy of a live database and its -wal file could be neither.
import type { Client } from '@libsql/client';
import { existsSync } from 'node:fs';
import { checkIntegrity, countRows, openDatabaseFile, readSchemaVersion, vacuumInto } from '@/db/queries/backup';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  backupFolderName,
  DATABASE_FILE,
  foldersToPrune,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  UPLOADS_FOLDER,
  type Manifest,
  type SchemaVersion,
} from './backup-plan';
import { copyTree, fileSize, listFiles, sha256File } from './files';

export type BackupOptions = {
  /** A client on the live database file (any connection: VACUUM INTO only reads it). */
  client: Client;
  /** The uploads folder to copy (lib/uploads.ts); a missing folder is an empty one. */
  uploadsDir: string;
  /** The folder the backup folder is made in. */
  outDir: string;
  /** db/migrations/meta/_journal.json, to name the schema version. */
  journalPath: string;
  appVersion: string;
  now?: () => Date;
};

export type BackupResult = { folder: string; manifest: Manifest };

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const at = (options.now ?? (() => new Date()))();
  await mkdir(options.outDir, { recursive: true });
  let attempt = 1;
  while (existsSync(join(options.outDir, backupFolderName(at, attempt)))) attempt++;
  const name = backupFolderName(at, attempt);
  const folder = join(options.outDir, name);
  // Built under a hidden name and renamed when whole: a folder with a backup's name is always finished.
  const partial = join(options.outDir, `.${name}.partial`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    // 1. The database, first: every image a row of the copy names was uploaded before it, so step 2 finds it.
    const dbCopy = join(partial, DATABASE_FILE);
    await vacuumInto(options.client, dbCopy);

    // 2. The images. An image's file is written whole before its row (db/queries/media.ts), so every file
    //    a row of the copy names is complete by now; one still being written belongs to no row of the copy.
    await copyTree(options.uploadsDir, join(partial, UPLOADS_FOLDER));

    // 3. What the copy holds, read from the copy.
    const copy = openDatabaseFile(dbCopy);
    let tables: Record<string, number>;
    let schema: SchemaVersion;
    try {
      const check = await checkIntegrity(copy);
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${check}`);
      tables = await countRows(copy);
      schema = await readSchemaVersion(copy, options.journalPath);
    } finally {
      copy.close();
    }

    // 4. Checksums of everything, then the manifest, then the rename that makes it a backup.
    const files: Record<string, string> = {};
    let bytes = 0;
    for (const rel of await listFiles(partial)) {
      files[rel] = await sha256File(join(partial, rel));
      bytes += fileSize(join(partial, rel));
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      app: 'broadsheet',
      appVersion: options.appVersion,
      createdAt: at.toISOString(),
      tookMs: Date.now() - started,
      schema,
      tables,
      files,
      bytes,
    };
    await writeFile(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    await rename(partial, folder);
    return { folder, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Deletes the finished backups in `outDir` beyond the newest `keep`; returns the folders deleted. */
export async function pruneBackups(outDir: string, keep: number): Promise<string[]> {
  const entries = (await readdir(outDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, hasManifest: existsSync(join(outDir, e.name, MANIFEST_FILE)) }));
  const doomed = foldersToPrune(entries, keep);
  for (const name of doomed) await rm(join(outDir, name), { recursive: true, force: true });
  return doomed;
}
