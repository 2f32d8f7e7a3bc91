import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageRejectedError, processImageUpload } from './process-image';

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();

describe('processImageUpload', () => {
  it('re-encodes an image as WebP and keeps its size when small', async () => {
    const out = await processImageUpload(await png(800, 450));
    expect(out.mime).toBe('image/webp');
    expect((await sharp(out.data).metadata()).format).toBe('webp');
    expect([out.width, out.height]).toEqual([800, 450]);
    expect(out.path).toMatch(/^\d{4}\/\d{2}\/[A-Za-z0-9_-]+\.webp$/);
  });

  it('scales down very large images', async () => {
    const out = await processImageUpload(await png(4000, 1000));
    expect(out.width).toBe(2400);
  });

  it('refuses files that are not images, whatever their name, and empty or oversized files', async () => {
    await expect(processImageUpload(Buffer.from('<svg onload="alert(1)"></svg>'))).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(processImageUpload(Buffer.from('GIF89a but not really'))).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(processImageUpload(Buffer.alloc(0))).rejects.toThrow('The file is empty.');
    await expect(processImageUpload(Buffer.alloc(11 * 1024 * 1024, 1))).rejects.toThrow('10 MB or smaller');
  });

  it('refuses a damaged image whose header reads (a truncated JPEG) with a message, not a crash', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    await expect(processImageUpload(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).rejects.toThrow('That image is damaged and cannot be read.');
  });
});
