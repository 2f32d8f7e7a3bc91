import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// With its extension: Node itself loads this file for scripts/server.mjs.
import { dataDir, env } from './env.ts';

let cached: string | undefined;

/**
 * The one application secret (signs sessions, the held-reply cookie and the revalidation call).
 * AUTH_SECRET wins; otherwise one is generated into the data folder on first use so the embedded
 * default needs no manual step, and the CLI and the server read the same file.
 */
export function appSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const dir = dataDir();
  const file = join(dir, 'auth-secret');
  try {
    cached = readFileSync(file, 'utf8').trim();
    if (cached.length >= 32) return cached;
  } catch {
    // not created yet
  }
  mkdirSync(dir, { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, generated + '\n', { mode: 0o600, flag: 'wx' });
    cached = generated;
  } catch {
    // another process created it first
    cached = readFileSync(file, 'utf8').trim();
  }
  return cached;
}
