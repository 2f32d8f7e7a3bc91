import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// `npm run backup` notes its last success in the data folder, for whatever shows the operator how old the
// newest backup is (the admin system page). The folder it went to may be on another disk, or pruned.
export const LAST_BACKUP_FILE = 'last-backup.json';

export type LastBackup = { folder: string; createdAt: string; bytes: number; tookMs: number; schema: string | null };

export function recordLastBackup(dataDir: string, backup: LastBackup): void {
  const path = join(dataDir, LAST_BACKUP_FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(backup, null, 2) + '\n');
  renameSync(`${path}.tmp`, path);
}

/** The last backup noted in this data folder, or null when none was (or the note is unreadable). */
export function readLastBackup(dataDir: string): LastBackup | null {
  const path = join(dataDir, LAST_BACKUP_FILE);
  if (!existsSync(path)) return null;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LastBackup>;
    if (typeof value.folder !== 'string' || typeof value.createdAt !== 'string' || Number.isNaN(Date.parse(value.createdAt))) return null;
    return {
      folder: value.folder,
      createdAt: value.createdAt,
      bytes: Number(value.bytes) || 0,
      tookMs: Number(value.tookMs) || 0,
      schema: value.schema ?? null,
    };
  } catch {
    return null;
  }
}
