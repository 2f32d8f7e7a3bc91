import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff']);

export class ImageRejectedError extends Error {}

export type ProcessedImage = { data: Buffer; width: number; height: number; mime: 'image/webp'; path: string };

/**
 * Checks an upload by its content (not its name or declared type), limits its size, and re-encodes it
 * as WebP: that drops metadata (location, camera) and anything hidden after the image data.
 */
export async function processImageUpload(
  bytes: Buffer,
  now = new Date(),
  { maxBytes = MAX_UPLOAD_BYTES }: { maxBytes?: number } = {},
): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new ImageRejectedError('The file is empty.');
  // An import may allow larger originals (a camera's JPEG) than a form upload; the output is the same.
  if (bytes.length > maxBytes) throw new ImageRejectedError(`Images must be ${Math.round(maxBytes / (1024 * 1024))} MB or smaller.`);
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: 60_000_000 }).metadata()).format;
  } catch {
    throw new ImageRejectedError('That file is not an image we can read (JPEG, PNG, WebP, GIF or AVIF).');
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw new ImageRejectedError('That file is not an image we can read (JPEG, PNG, WebP, GIF or AVIF).');
  }
  // A file whose header reads but whose data is broken (a truncated JPEG) fails here.
  const { data, info } = await sharp(bytes, { limitInputPixels: 60_000_000 })
    .rotate()
    .resize({ width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw new ImageRejectedError('That image is damaged and cannot be read.');
    });
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return { data, width: info.width, height: info.height, mime: 'image/webp', path: `${month}/${randomBytes(12).toString('base64url')}.webp` };
}
