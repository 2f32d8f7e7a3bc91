// Lighthouse's mobile preset (its default: a Moto G Power-sized screen, simulated slow 4G and a 4× slower
// CPU) on one address, with Debian's Chromium. `npm run bench -- --lighthouse` runs it 3× per server.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The version the bench's figures were taken with. */
export const LIGHTHOUSE_VERSION = '12.8.2';

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type LighthouseFigures = {
  /** 0–100. */
  score: number | null;
  /** Milliseconds. */
  lcp: number | null;
  fcp: number | null;
  tbt: number | null;
  speedIndex: number | null;
  cls: number | null;
  /** Bytes transferred, from the resource summary: scripts (count, bytes) and everything. */
  scripts: number | null;
  scriptBytes: number | null;
  totalBytes: number | null;
  /** What Lighthouse says the largest paint was (a text block or an image), if it says. */
  lcpElement: string | null;
};

type Audit = { numericValue?: number; details?: { items?: Record<string, unknown>[] } };
type Report = { categories?: { performance?: { score?: number | null } }; audits?: Record<string, Audit>; runtimeError?: { message?: string } };

/** The figures the bench reports, from a Lighthouse JSON report. */
export function lighthouseFigures(report: Report): LighthouseFigures {
  const a = report.audits ?? {};
  const num = (id: string) => (typeof a[id]?.numericValue === 'number' ? a[id].numericValue! : null);
  const summary = a['resource-summary']?.details?.items ?? [];
  const row = (type: string) => summary.find((i) => i.resourceType === type);
  const script = row('script');
  const total = row('total');
  const score = report.categories?.performance?.score;
  const lcpItems = a['largest-contentful-paint-element']?.details?.items ?? [];
  // Lighthouse 12 nests the element in a table inside a list; older versions give the node directly.
  const node =
    (lcpItems[0] as { node?: { nodeLabel?: string; snippet?: string }; items?: { node?: { nodeLabel?: string; snippet?: string } }[] } | undefined) ?? {};
  const lcpNode = node.node ?? node.items?.[0]?.node;
  return {
    score: typeof score === 'number' ? Math.round(score * 100) : null,
    lcp: num('largest-contentful-paint'),
    fcp: num('first-contentful-paint'),
    tbt: num('total-blocking-time'),
    speedIndex: num('speed-index'),
    cls: num('cumulative-layout-shift'),
    scripts: typeof script?.requestCount === 'number' ? script.requestCount : null,
    scriptBytes: typeof script?.transferSize === 'number' ? script.transferSize : null,
    totalBytes: typeof total?.transferSize === 'number' ? total.transferSize : null,
    lcpElement: lcpNode ? String(lcpNode.snippet ?? lcpNode.nodeLabel ?? '').slice(0, 120) : null,
  };
}

/**
 * Lighthouse's command line: LIGHTHOUSE_CLI, else one installed in the project, else /opt/lh. It is not a
 * devDependency: its 358 packages would slow every CI install for a bench CI never runs.
 */
export function lighthouseCli(): string {
  const candidates: string[] = [];
  try {
    candidates.push(createRequire(path.join(process.cwd(), 'package.json')).resolve('lighthouse/cli/index.js'));
  } catch {
    // not installed in the project
  }
  if (process.env.LIGHTHOUSE_CLI) candidates.unshift(process.env.LIGHTHOUSE_CLI);
  candidates.push('/opt/lh/node_modules/lighthouse/cli/index.js');
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`Lighthouse is not installed: npm install --no-save --prefix /opt/lh lighthouse@${LIGHTHOUSE_VERSION} (or set LIGHTHOUSE_CLI)`);
  return found;
}

/** One Lighthouse run (mobile preset, performance only) on `url`. */
export async function runLighthouse(url: string, chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<LighthouseFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-lh-'));
  const out = path.join(dir, 'report.json');
  const args = [
    lighthouseCli(),
    url,
    `--chrome-path=${chromePath}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--only-categories=performance',
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
  ];
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      // Chromium's profile goes to the temporary folder too, and is removed with it.
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: dir } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stderr }));
    });
    if (code !== 0 || !existsSync(out)) throw new Error(`lighthouse exited with ${code}: ${stderr.slice(-1500)}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    if (report.runtimeError?.message) throw new Error(`lighthouse: ${report.runtimeError.message}`);
    return lighthouseFigures(report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
