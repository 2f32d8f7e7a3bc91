import { join } from 'node:path';
import { dataDir } from './env';

/** Uploaded and generated images live in the data folder: files added to public/ after a build are not served. */
export function uploadsDir(): string {
  return join(dataDir(), 'uploads');
}

export function mediaUrl(path: string): string {
  return `/media/${path}`;
}
