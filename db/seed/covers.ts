// Abstract editorial cover illustrations for the demo articles: an SVG drawn from a palette and a
// motif, seeded from the article title (so the same title always gives the same picture), then
// encoded to WebP with sharp.
import sharp from 'sharp';
import type { CoverMotif } from './content';

export type CoverOptions = {
  title: string;
  palette: [string, string, string];
  motif: CoverMotif;
  width?: number;
  height?: number;
};

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny deterministic PRNG returning numbers in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = {
  next: () => number;
  range: (min: number, max: number) => number;
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
};

function makeRng(seed: string): Rng {
  const next = prng(hash(seed));
  const range = (min: number, max: number) => min + (max - min) * next();
  return {
    next,
    range,
    int: (min, max) => Math.floor(range(min, max + 1)),
    chance: (p) => next() < p,
  };
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return [128, 128, 128];
  let h = m[1];
  if (h.length === 3)
    h = h
      .split('')
      .map((c) => c + c)
      .join('');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Linear mix of two hex colours; t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  const c = ca.map((v, i) => Math.round(v + (cb[i] - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const f = (n: number) => (Math.round(n * 100) / 100).toString();

type Ctx = { w: number; h: number; s: number; dark: string; mid: string; light: string; rng: Rng };

function circles({ w, h, s, dark, mid, light, rng }: Ctx): string {
  const out: string[] = [];
  const n = rng.int(6, 9);
  for (let i = 0; i < n; i++) {
    const cx = rng.range(w * 0.3, w * 0.95);
    const cy = rng.range(h * 0.15, h * 0.9);
    const r = rng.range(60, 340) * s;
    if (rng.chance(0.5)) {
      out.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${light}" fill-opacity="${f(rng.range(0.08, 0.22))}"/>`);
    } else {
      out.push(
        `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="none" stroke="${light}" stroke-opacity="0.55" stroke-width="${f(rng.range(2, 5) * s)}"/>`,
      );
    }
  }
  // Concentric rings: a focal point.
  const fx = rng.range(w * 0.55, w * 0.75);
  const fy = rng.range(h * 0.35, h * 0.6);
  const base = rng.range(150, 230) * s;
  for (let k = 0; k < 5; k++) {
    out.push(
      `<circle cx="${f(fx)}" cy="${f(fy)}" r="${f(base + k * 34 * s)}" fill="none" stroke="${light}" stroke-opacity="${f(0.5 - k * 0.08)}" stroke-width="${f(1.5 * s)}"/>`,
    );
  }
  out.push(`<circle cx="${f(fx)}" cy="${f(fy)}" r="${f(base * 0.62)}" fill="${light}" fill-opacity="0.88"/>`);
  out.push(`<circle cx="${f(fx + base * 0.18)}" cy="${f(fy - base * 0.12)}" r="${f(base * 0.22)}" fill="${mid}" fill-opacity="0.45"/>`);
  // A small dark accent.
  out.push(
    `<circle cx="${f(rng.range(w * 0.2, w * 0.45))}" cy="${f(rng.range(h * 0.6, h * 0.85))}" r="${f(rng.range(24, 46) * s)}" fill="${dark}" fill-opacity="0.7"/>`,
  );
  return out.join('');
}

function bars({ w, h, s, dark, light, rng }: Ctx): string {
  const out: string[] = [];
  const baseline = h * 0.84;
  const n = rng.int(16, 24);
  const left = w * 0.08;
  const span = w * 0.84;
  const slot = span / n;
  const gap = slot * rng.range(0.18, 0.32);
  let level = rng.range(0.25, 0.45);
  const trend = rng.range(-0.005, 0.025);
  const accent = rng.int(Math.floor(n * 0.5), n - 1);
  for (let i = 0; i < n; i++) {
    level = Math.min(0.92, Math.max(0.12, level + trend + rng.range(-0.09, 0.09)));
    const bh = level * (baseline - h * 0.1);
    const x = left + i * slot;
    const op = i === accent ? 0.92 : rng.range(0.22, 0.55);
    out.push(`<rect x="${f(x)}" y="${f(baseline - bh)}" width="${f(slot - gap)}" height="${f(bh)}" fill="${light}" fill-opacity="${f(op)}"/>`);
    if (rng.chance(0.35)) {
      const cap = rng.range(0.08, 0.25) * bh;
      out.push(`<rect x="${f(x)}" y="${f(baseline - bh)}" width="${f(slot - gap)}" height="${f(cap)}" fill="${dark}" fill-opacity="0.25"/>`);
    }
  }
  out.push(`<rect x="${f(left - 20 * s)}" y="${f(baseline)}" width="${f(span + 40 * s)}" height="${f(3 * s)}" fill="${light}" fill-opacity="0.85"/>`);
  // Faint horizontal rules, like a chart.
  for (let k = 1; k <= 4; k++) {
    const y = baseline - (k * (baseline - h * 0.1)) / 4;
    out.push(`<rect x="${f(left - 20 * s)}" y="${f(y)}" width="${f(span + 40 * s)}" height="${f(1 * s)}" fill="${light}" fill-opacity="0.18"/>`);
  }
  return out.join('');
}

function wavePath(w: number, y: number, amp: number, len: number, phase: number, bottom: number, steps = 48): string {
  const pts: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = (i / steps) * w;
    const yy = y + amp * Math.sin((x / len) * Math.PI * 2 + phase) + amp * 0.35 * Math.sin((x / (len * 0.43)) * Math.PI * 2 + phase * 1.7);
    pts.push(`${f(x)},${f(yy)}`);
  }
  return `M0,${f(bottom)} L${pts.join(' L')} L${f(w)},${f(bottom)} Z`;
}

function waves({ w, h, s, dark, mid, light, rng }: Ctx): string {
  const out: string[] = [];
  // A low moon or sun behind the water.
  const mx = rng.range(w * 0.58, w * 0.82);
  const my = rng.range(h * 0.22, h * 0.36);
  out.push(`<circle cx="${f(mx)}" cy="${f(my)}" r="${f(rng.range(70, 110) * s)}" fill="${light}" fill-opacity="0.85"/>`);
  const n = rng.int(6, 8);
  const top = h * rng.range(0.42, 0.52);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const y = top + t * (h * 0.95 - top);
    const amp = rng.range(10, 26) * s * (0.6 + t);
    const len = rng.range(420, 900) * s;
    const colour = t < 0.5 ? mix(mid, light, 0.55 - t * 0.7) : mix(mid, dark, (t - 0.5) * 1.2);
    out.push(`<path d="${wavePath(w, y, amp, len, rng.range(0, Math.PI * 2), h + 10)}" fill="${colour}" fill-opacity="${f(0.55 + t * 0.4)}"/>`);
  }
  // A few thin crest lines.
  for (let i = 0; i < 5; i++) {
    const y = rng.range(top, h * 0.9);
    const x = rng.range(0, w * 0.8);
    out.push(`<rect x="${f(x)}" y="${f(y)}" width="${f(rng.range(60, 220) * s)}" height="${f(2 * s)}" fill="${light}" fill-opacity="0.35"/>`);
  }
  return out.join('');
}

function grid({ w, h, s, dark, light, rng }: Ctx): string {
  const out: string[] = [];
  const cell = rng.range(90, 130) * s;
  const ox = rng.range(-cell * 0.5, 0);
  const oy = rng.range(-cell * 0.5, 0);
  const cols = Math.ceil((w - ox) / cell);
  const rows = Math.ceil((h - oy) / cell);
  const pad = cell * 0.08;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // Denser towards the right, so the left stays calm.
      const density = 0.12 + 0.4 * (c / cols);
      if (!rng.chance(density)) continue;
      const x = ox + c * cell + pad;
      const y = oy + r * cell + pad;
      const size = cell - pad * 2;
      const roll = rng.next();
      if (roll < 0.12) {
        out.push(`<rect x="${f(x)}" y="${f(y)}" width="${f(size)}" height="${f(size)}" fill="${light}" fill-opacity="0.9"/>`);
      } else if (roll < 0.22) {
        out.push(`<circle cx="${f(x + size / 2)}" cy="${f(y + size / 2)}" r="${f(size * 0.38)}" fill="${light}" fill-opacity="0.75"/>`);
      } else if (roll < 0.3) {
        out.push(`<rect x="${f(x)}" y="${f(y)}" width="${f(size)}" height="${f(size)}" fill="${dark}" fill-opacity="0.35"/>`);
      } else {
        out.push(`<rect x="${f(x)}" y="${f(y)}" width="${f(size)}" height="${f(size)}" fill="${light}" fill-opacity="${f(rng.range(0.1, 0.3))}"/>`);
      }
    }
  }
  // Grid lines.
  for (let c = 0; c <= cols; c++) {
    out.push(`<rect x="${f(ox + c * cell - 0.5 * s)}" y="0" width="${f(1 * s)}" height="${h}" fill="${light}" fill-opacity="0.14"/>`);
  }
  for (let r = 0; r <= rows; r++) {
    out.push(`<rect x="0" y="${f(oy + r * cell - 0.5 * s)}" width="${w}" height="${f(1 * s)}" fill="${light}" fill-opacity="0.14"/>`);
  }
  return out.join('');
}

function skyline({ w, h, s, dark, mid, light, rng }: Ctx): string {
  const out: string[] = [];
  const ground = h * 0.86;
  // Moon.
  out.push(
    `<circle cx="${f(rng.range(w * 0.62, w * 0.86))}" cy="${f(rng.range(h * 0.16, h * 0.3))}" r="${f(rng.range(46, 72) * s)}" fill="${light}" fill-opacity="0.9"/>`,
  );
  const layers = [
    { colour: mix(mid, light, 0.25), op: 0.45, min: 0.25, max: 0.55, windows: false },
    { colour: mix(mid, dark, 0.35), op: 0.8, min: 0.18, max: 0.42, windows: false },
    { colour: mix(dark, '#000000', 0.15), op: 0.95, min: 0.1, max: 0.3, windows: true },
  ];
  for (const layer of layers) {
    let x = rng.range(-60, 0) * s;
    while (x < w) {
      const bw = rng.range(70, 170) * s;
      const bh = rng.range(layer.min, layer.max) * h;
      const top = ground - bh;
      // A block, sometimes with a gable roof, drawn as one shape so translucent layers have no seams.
      const peak = rng.chance(0.35) ? ` L${f(x + bw / 2)},${f(top - bw * 0.35)}` : '';
      out.push(
        `<path d="M${f(x)},${f(ground)} L${f(x)},${f(top)}${peak} L${f(x + bw)},${f(top)} L${f(x + bw)},${f(ground)} Z" fill="${layer.colour}" fill-opacity="${layer.op}"/>`,
      );
      if (layer.windows) {
        const ww = 12 * s;
        const wh = 18 * s;
        const cols = Math.max(1, Math.floor((bw - 16 * s) / (ww * 2)));
        const rows = Math.max(1, Math.floor((bh - 20 * s) / (wh * 1.9)));
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            if (!rng.chance(0.22)) continue;
            out.push(
              `<rect x="${f(x + 12 * s + c * ww * 2)}" y="${f(top + 16 * s + r * wh * 1.9)}" width="${f(ww)}" height="${f(wh)}" fill="${light}" fill-opacity="${f(rng.range(0.55, 0.95))}"/>`,
            );
          }
        }
      }
      x += bw + rng.range(0, 14) * s;
    }
  }
  // Water line below the buildings.
  out.push(`<rect x="0" y="${f(ground)}" width="${w}" height="${f(h - ground)}" fill="${mix(dark, '#000000', 0.1)}"/>`);
  for (let i = 0; i < 9; i++) {
    out.push(
      `<rect x="${f(rng.range(0, w * 0.9))}" y="${f(rng.range(ground + 8 * s, h - 6 * s))}" width="${f(rng.range(40, 160) * s)}" height="${f(2 * s)}" fill="${light}" fill-opacity="0.3"/>`,
    );
  }
  return out.join('');
}

function sun({ w, h, s, dark, mid, light, rng }: Ctx): string {
  const out: string[] = [];
  const horizon = h * rng.range(0.6, 0.68);
  const cx = rng.range(w * 0.35, w * 0.65);
  const r = rng.range(170, 240) * s;
  // Rays fanning up from the horizon.
  const rays = rng.int(9, 13);
  for (let i = 0; i < rays; i++) {
    const a0 = Math.PI + (i / rays) * Math.PI;
    const a1 = a0 + (Math.PI / rays) * 0.45;
    const R = Math.max(w, h) * 1.2;
    out.push(
      `<path d="M${f(cx)},${f(horizon)} L${f(cx + R * Math.cos(a0))},${f(horizon + R * Math.sin(a0))} L${f(cx + R * Math.cos(a1))},${f(horizon + R * Math.sin(a1))} Z" fill="${light}" fill-opacity="0.07"/>`,
    );
  }
  for (let k = 3; k >= 1; k--) {
    out.push(`<circle cx="${f(cx)}" cy="${f(horizon)}" r="${f(r + k * 42 * s)}" fill="${light}" fill-opacity="${f(0.06 + (3 - k) * 0.04)}"/>`);
  }
  out.push(`<circle cx="${f(cx)}" cy="${f(horizon)}" r="${f(r)}" fill="${light}" fill-opacity="0.92"/>`);
  // Sea.
  out.push(`<rect x="0" y="${f(horizon)}" width="${w}" height="${f(h - horizon)}" fill="${mix(dark, mid, 0.3)}"/>`);
  // Reflections: horizontal strokes narrowing with depth.
  let y = horizon + 10 * s;
  let gap = 8 * s;
  while (y < h) {
    const half = r * rng.range(0.5, 1.05) * (1 - ((y - horizon) / (h - horizon)) * 0.5);
    out.push(
      `<rect x="${f(cx - half)}" y="${f(y)}" width="${f(half * 2)}" height="${f(gap * 0.45)}" fill="${light}" fill-opacity="${f(rng.range(0.35, 0.7))}"/>`,
    );
    y += gap;
    gap *= 1.18;
  }
  return out.join('');
}

const MOTIFS: Record<CoverMotif, (ctx: Ctx) => string> = { circles, bars, waves, grid, skyline, sun };

/** Builds the SVG markup for a cover. Exported for tests and previews. */
export function coverSvg(opts: CoverOptions): string {
  const w = Math.round(opts.width ?? 1600);
  const h = Math.round(opts.height ?? 900);
  const s = Math.min(w / 1600, h / 900);
  const [dark, mid, light] = opts.palette;
  const rng = makeRng(`${opts.title}\u0000${opts.motif}`);
  const angle = rng.range(0, 1);
  const x2 = f(100 * (0.6 + 0.4 * angle));
  const y2 = f(100 * (1 - 0.4 * angle));
  const glowX = f(rng.range(60, 85));
  const glowY = f(rng.range(20, 40));
  const ctx: Ctx = { w, h, s, dark, mid, light, rng };
  const motif = MOTIFS[opts.motif](ctx);
  // Halftone dots in one corner: a quiet nod to newsprint.
  const dotSize = Math.max(6, 14 * s);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    '<defs>',
    `<linearGradient id="bg" x1="0%" y1="0%" x2="${x2}%" y2="${y2}%">`,
    `<stop offset="0%" stop-color="${dark}"/><stop offset="100%" stop-color="${mid}"/>`,
    '</linearGradient>',
    `<radialGradient id="glow" cx="${glowX}%" cy="${glowY}%" r="65%">`,
    `<stop offset="0%" stop-color="${light}" stop-opacity="0.22"/><stop offset="100%" stop-color="${light}" stop-opacity="0"/>`,
    '</radialGradient>',
    `<pattern id="dots" width="${f(dotSize)}" height="${f(dotSize)}" patternUnits="userSpaceOnUse">`,
    `<circle cx="${f(dotSize / 2)}" cy="${f(dotSize / 2)}" r="${f(dotSize * 0.18)}" fill="${light}"/>`,
    '</pattern>',
    '<linearGradient id="fade" x1="0%" y1="0%" x2="100%" y2="100%">',
    '<stop offset="0%" stop-color="#fff" stop-opacity="1"/><stop offset="70%" stop-color="#fff" stop-opacity="0"/>',
    '</linearGradient>',
    `<mask id="dotmask"><rect width="${w}" height="${h}" fill="url(#fade)"/></mask>`,
    '</defs>',
    `<rect width="${w}" height="${h}" fill="url(#bg)"/>`,
    `<rect width="${w}" height="${h}" fill="url(#glow)"/>`,
    `<rect width="${f(w * 0.45)}" height="${f(h * 0.6)}" fill="url(#dots)" fill-opacity="0.16" mask="url(#dotmask)"/>`,
    motif,
    // A thin inset rule, like a picture frame on the page.
    `<rect x="${f(24 * s)}" y="${f(24 * s)}" width="${f(w - 48 * s)}" height="${f(h - 48 * s)}" fill="none" stroke="${light}" stroke-opacity="0.25" stroke-width="${f(1.5 * s)}"/>`,
    '</svg>',
  ].join('');
}

/** Renders a cover illustration as WebP (default 1600×900). Deterministic for a given title. */
export async function renderCoverImage(opts: CoverOptions): Promise<Buffer> {
  const svg = coverSvg(opts);
  const width = Math.round(opts.width ?? 1600);
  const height = Math.round(opts.height ?? 900);
  return sharp(Buffer.from(svg), { density: 72 }).resize(width, height, { fit: 'fill' }).webp({ quality: 78, effort: 4 }).toBuffer();
}
