// The pure parts of backups and restores (lib/ops/backup.ts, lib/ops/restore.ts): names, what to
// prune, which databases can be backed up by copying, and what a manifest holds.

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'database.db';
export const UPLOADS_FOLDER = 'uploads';
export const MANIFEST_FORMAT = 1;

export type SchemaVersion = {
  /** The journal tag of the last migration applied (db/migrations/meta/_journal.json), or null if unknown. */
  tag: string | null;
  /** Its hash and time as drizzle recorded them in __drizzle_migrations. */
  hash: string | null;
  createdAt: number | null;
  /** How many migrations were applied. */
  applied: number;
};

export type Manifest = {
  format: number;
  app: 'broadsheet';
  appVersion: string;
  createdAt: string;
  /** How long the copy took, in milliseconds (the database copy, the images, the checksums). */
  tookMs: number;
  schema: SchemaVersion;
  /** Rows per table, counted in the copy itself (so they match it exactly, whatever was written since). */
  tables: Record<string, number>;
  /** sha256 (hex) of every file in the backup folder except the manifest, by path relative to it. */
  files: Record<string, string>;
  bytes: number;
};

const NAME = /^broadsheet-(\d{8})-(\d{6})(?:-(\d+))?$/;

/** broadsheet-YYYYMMDD-HHMMSS in UTC: sorts by time, readable in `ls`. */
export function backupFolderName(at: Date, attempt = 1): string {
  const iso = at.toISOString(); // 2026-12-01T15:39:18.123Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `broadsheet-${stamp}${attempt > 1 ? `-${attempt}` : ''}`;
}

export function isBackupFolderName(name: string): boolean {
  return NAME.test(name);
}

/** Sort key: the stamp, then the attempt number (so -10 comes after -9). */
function sortKey(name: string): string {
  const m = NAME.exec(name)!;
  return `${m[1]}${m[2]}${(m[3] ?? '1').padStart(6, '0')}`;
}

/**
 * The backup folders to delete so that the newest `keep` remain. Only folders that are finished backups
 * (a backup name and a manifest) count and are ever deleted: anything else in DIR is left alone.
 */
export function foldersToPrune(entries: { name: string; hasManifest: boolean }[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep must be a whole number of at least 1');
  const finished = entries
    .filter((e) => e.hasManifest && isBackupFolderName(e.name))
    .map((e) => e.name)
    .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
  return finished.slice(keep);
}

/**
 * Why this database cannot be backed up (or restored) by this command, or null when it can: only a
 * plain local file can. A libSQL server keeps its own backups, and an embedded replica is a copy of one.
 */
export function refuseNonFileDatabase(databaseUrl: string, syncUrl: string | undefined, doing: 'backup' | 'restore'): string | null {
  const serverHelp = [
    'Use the server’s own backups instead:',
    '  • sqld: snapshots (sqld --snapshot-exec …) or bottomless replication to S3 (sqld --enable-bottomless-replication),',
    '    restored with bottomless-cli restore;',
    '  • Turso: point-in-time restore into a new database:',
    '      turso db create restored --from-db <name> --timestamp 2026-01-01T00:00:00Z',
    '    then point DATABASE_URL at the new database.',
    `Images in the data folder (DATA_DIR/uploads) are still files: copy them with your usual file backups.`,
  ].join('\n');
  if (syncUrl) {
    return [
      `DATABASE_URL is an embedded replica of ${redact(syncUrl)}: the server holds the real database, and the local file may lag it.`,
      `npm run ${doing} works on a plain local file only.`,
      serverHelp,
    ].join('\n');
  }
  if (!databaseUrl.startsWith('file:')) {
    return [`DATABASE_URL points at a libSQL server (${redact(databaseUrl)}): npm run ${doing} works on a plain local file only.`, serverHelp].join('\n');
  }
  return null;
}

/** A URL without its credentials or query (tokens can travel there). */
function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url.split('?')[0].replace(/\/\/[^@/]*@/, '//');
  }
}

/** The file path in a file: URL (file:./data/x.db, file:/abs/x.db, file:///abs/x.db), without its query. */
export function filePathOf(databaseUrl: string): string {
  const rest = databaseUrl.slice('file:'.length).split('?')[0];
  return rest.startsWith('///') ? rest.slice(2) : rest;
}

type JournalEntry = { idx: number; when: number; tag: string };

/** Names the last applied migration: drizzle records each one's journal time (`when`) as created_at. */
export function schemaVersionOf(applied: { hash: string; created_at: number }[], journal: { entries: JournalEntry[] }): SchemaVersion {
  if (applied.length === 0) return { tag: null, hash: null, createdAt: null, applied: 0 };
  const last = applied.reduce((a, b) => (Number(b.created_at) > Number(a.created_at) ? b : a));
  const entry = journal.entries.find((e) => e.when === Number(last.created_at));
  return { tag: entry?.tag ?? null, hash: last.hash, createdAt: Number(last.created_at), applied: applied.length };
}

/** Checks a parsed manifest's shape; returns the problems (empty when it is usable). */
export function manifestProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['the manifest is not a JSON object'];
  const m = value as Partial<Manifest>;
  const problems: string[] = [];
  if (m.app !== 'broadsheet') problems.push('the manifest is not a Broadsheet backup’s');
  if (m.format !== MANIFEST_FORMAT) problems.push(`the manifest’s format is ${String(m.format)}, this version reads ${MANIFEST_FORMAT}`);
  if (typeof m.files !== 'object' || m.files === null) problems.push('the manifest lists no files');
  else if (!(DATABASE_FILE in m.files)) problems.push(`the manifest does not list ${DATABASE_FILE}`);
  else {
    for (const [path, sum] of Object.entries(m.files)) {
      if (!isSafeRelativePath(path)) problems.push(`the manifest lists a file outside the backup: ${path}`);
      if (typeof sum !== 'string' || !/^[0-9a-f]{64}$/.test(sum)) problems.push(`the manifest’s checksum of ${path} is not a sha256`);
    }
  }
  if (typeof m.tables !== 'object' || m.tables === null) problems.push('the manifest has no row counts');
  return problems;
}

/** A relative path that stays inside its folder (no absolute path, no `..`, no empty part). */
export function isSafeRelativePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Compares the checksums a manifest expects with those found; returns one line per difference. */
export function checksumMismatches(expected: Record<string, string>, actual: Record<string, string | null>): string[] {
  const problems: string[] = [];
  for (const [path, sum] of Object.entries(expected)) {
    const found = actual[path];
    if (found == null) problems.push(`${path} is missing`);
    else if (found !== sum) problems.push(`${path} does not match its checksum (expected ${sum.slice(0, 12)}…, found ${found.slice(0, 12)}…)`);
  }
  return problems;
}

/** 1.2 GB, 340 MB, 12 kB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
