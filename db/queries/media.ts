import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProcessedImage } from '@/lib/media/process-image';
import { uploadsDir } from '@/lib/uploads';
import { db } from '../index';
import { media } from '../schema';

/** Writes a processed image into the data folder and records it; returns its path under /media. */
export async function storeImage(image: ProcessedImage, uploadedById: number): Promise<string> {
  const file = join(uploadsDir(), image.path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, image.data);
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
