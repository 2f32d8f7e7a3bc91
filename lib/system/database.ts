import { stat } from 'node:fs/promises';

// Which kind of database DATABASE_URL names, for the system page, never showing a token or password.

export type DatabaseInfo = { kind: 'Local file' | 'libSQL server' | 'Embedded replica'; where: string; file: string | null };

function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url.split('?')[0];
  }
}

export function databaseInfo(databaseUrl: string, syncUrl?: string): DatabaseInfo {
  if (databaseUrl.startsWith('file:')) {
    const file = databaseUrl.slice('file:'.length).split('?')[0];
    if (syncUrl) return { kind: 'Embedded replica', where: `${file}, of ${withoutCredentials(syncUrl)}`, file };
    return { kind: 'Local file', where: file, file };
  }
  return { kind: 'libSQL server', where: withoutCredentials(databaseUrl), file: null };
}

/** The file's size with its write-ahead log (bytes), or null when it cannot be read. */
export async function databaseFileSize(file: string): Promise<number | null> {
  const size = async (path: string) => (await stat(path).catch(() => null))?.size ?? 0;
  const main = await stat(file).catch(() => null);
  if (!main) return null;
  return main.size + (await size(`${file}-wal`));
}

export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[i]}`;
}
