import 'server-only';
import { eq } from 'drizzle-orm';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProcessedImage } from '@/lib/media/process-image';
import { uploadsDir } from '@/lib/uploads';
import { db } from '../index';
import { media } from '../schema';

/** Writes a processed image into the data folder and records it; returns its path under /media. */
export async function storeImage(image: ProcessedImage, uploadedById: number): Promise<string> {
  await writeImageFile(image);
  await db.insert(media).values({
    path: image.path,
    mime: image.mime,
    width: image.width,
    height: image.height,
    bytes: image.data.length,
    uploadedById,
  });
  return image.path;
}

/** Writes a processed image's file into the data folder (the row is the caller's). */
export async function writeImageFile(image: ProcessedImage): Promise<void> {
  const file = join(uploadsDir(), image.path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, image.data);
}

/** Removes a stored image's row and file (a replaced portrait, or one whose profile was not saved). */
export async function removeStoredImage(path: string): Promise<void> {
  await db.delete(media).where(eq(media.path, path));
  // The path came from our own table (made by processImageUpload), never from a request.
  await rm(join(uploadsDir(), path), { force: true });
}
