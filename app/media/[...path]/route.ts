import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { uploadsDir } from '@/lib/uploads';

const TYPES: Record<string, string> = { webp: 'image/webp', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', avif: 'image/avif' };

/** Serves uploaded and generated images from the data folder (files written after the build). */
export async function GET(_request: Request, { params }: RouteContext<'/media/[...path]'>) {
  const { path } = await params;
  const relative = normalize(path.join('/'));
  const ext = relative.split('.').pop()?.toLowerCase() ?? '';
  if (relative.startsWith('..') || relative.includes('\0') || !TYPES[ext] || !path.every((p) => /^[a-z0-9][a-z0-9._-]*$/i.test(p))) {
    return new Response('Not found', { status: 404 });
  }
  try {
    const file = await readFile(join(uploadsDir(), relative));
    return new Response(new Uint8Array(file), {
      headers: {
        'Content-Type': TYPES[ext],
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
