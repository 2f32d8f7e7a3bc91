import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

// The newest backup `npm run backup -- --out DIR` left in BACKUP_DIR: each one is a folder
// DIR/broadsheet-*/ with a manifest.json. The manifest's own time is used when it has one, else the
// manifest file's modification time.

export type BackupSeen = { name: string; at: Date };

const TIME_FIELDS = ['createdAt', 'takenAt', 'finishedAt', 'startedAt', 'time', 'at'];

export function manifestTime(manifest: unknown): Date | null {
  if (!manifest || typeof manifest !== 'object') return null;
  for (const field of TIME_FIELDS) {
    const value = (manifest as Record<string, unknown>)[field];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return null;
}

/** The newest backup in `dir`, or null when there is none (or the folder cannot be read). */
export async function newestBackup(dir: string): Promise<BackupSeen | null> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && e.name.startsWith('broadsheet-')).map((e) => e.name);
  } catch {
    return null;
  }
  let newest: BackupSeen | null = null;
  for (const name of names) {
    const file = join(dir, name, 'manifest.json');
    try {
      const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      let at: Date | null = null;
      try {
        at = manifestTime(JSON.parse(text));
      } catch {
        // A manifest cut short is no backup to trust.
        continue;
      }
      at ??= info.mtime;
      if (!newest || at > newest.at) newest = { name, at };
    } catch {
      // No manifest: a backup still being written, or not a backup.
    }
  }
  return newest;
}
