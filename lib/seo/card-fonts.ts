import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// Source Serif 4 for generated images (social cards, the publisher logo). next/og needs the font files
// themselves (WOFF, not WOFF2); they come from the pinned @fontsource package, read once per process.
const FILES = join(process.cwd(), 'node_modules', '@fontsource', 'source-serif-4', 'files');

type CardFont = { name: string; data: ArrayBuffer; weight: 400 | 700 | 900; style: 'normal' };

let loaded: Promise<CardFont[]> | null = null;

export function cardFonts(): Promise<CardFont[]> {
  loaded ??= Promise.all(
    ([400, 700, 900] as const).flatMap((weight) =>
      ['latin', 'latin-ext'].map(async (subset) => {
        const file = await readFile(join(FILES, `source-serif-4-${subset}-${weight}-normal.woff`));
        return {
          name: 'Source Serif',
          data: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
          weight,
          style: 'normal' as const,
        };
      }),
    ),
  ).catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}
