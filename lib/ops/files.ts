import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** sha256 of a file, streamed (database copies can be gigabytes). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `root`, as paths relative to it with forward slashes; [] if it is missing. */
export async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = async (rel: string) => {
    for (const entry of await readdir(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  await walk('');
  return out.sort();
}

/**
 * Copies every file under `from` into `to` (created as needed); returns the relative paths copied. A file
 * removed while the copy runs (a replaced portrait on a live site) is skipped, not an error.
 */
export async function copyTree(from: string, to: string): Promise<string[]> {
  const copied: string[] = [];
  for (const rel of await listFiles(from)) {
    await mkdir(join(to, rel, '..'), { recursive: true });
    try {
      await copyFile(join(from, rel), join(to, rel));
      copied.push(rel);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return copied;
}

export function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}
