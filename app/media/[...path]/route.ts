import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mediaFileType } from '@/lib/media/media-path';
import { uploadsDir } from '@/lib/uploads';

/** Serves uploaded and generated images from the data folder (files written after the build). */
export async function GET(_request: Request, { params }: RouteContext<'/media/[...path]'>) {
  const media = mediaFileType((await params).path);
  if (!media) return new Response('Not found', { status: 404 });
  try {
    const file = await readFile(join(uploadsDir(), media.relative));
    return new Response(new Uint8Array(file), {
      headers: {
        'Content-Type': media.type,
        'Content-Length': String(file.length),
        // Stored files never change in place: a new upload gets a new name.
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
