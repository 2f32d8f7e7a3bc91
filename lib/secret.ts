import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// With its extension: Node itself loads this file for scripts/server.mjs.
import { dataDir, env } from './env.ts';

/** Shorter secrets are refused (AUTH_SECRET already at start, in lib/env.ts). */
export const MIN_SECRET_LENGTH = 32;

let cached: string | undefined;

/**
 * The one application secret (signs sessions, the held-reply cookie, keys address hashes; the internal
 * API's key is derived from it). AUTH_SECRET wins; otherwise one is generated into the data folder on
 * first use so the embedded default needs no manual step, and the CLI and the server read the same file.
 * A secret file that is empty or too short (edited by hand, or a disk that filled up) is refused
 * loudly rather than used: anyone could guess it.
 */
export function appSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const dir = dataDir();
  const file = join(dir, 'auth-secret');
  const existing = readSecretFile(file);
  if (existing !== null) return (cached = checkedSecret(existing, file));
  mkdirSync(dir, { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  // Written whole under another name, then linked into place: another process never reads a half-written
  // file, and whichever process links first wins.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, generated + '\n', { mode: 0o600 });
  try {
    linkSync(temporary, file);
    cached = generated;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    cached = checkedSecret(readFileSync(file, 'utf8').trim(), file); // another process created it first
  } finally {
    unlinkSync(temporary);
  }
  return cached;
}

function readSecretFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The secret, or a loud refusal when it is too short to be safe. */
export function checkedSecret(secret: string, file: string): string {
  if (secret.length >= MIN_SECRET_LENGTH) return secret;
  throw new Error(
    `${file} holds a secret of ${secret.length} characters; at least ${MIN_SECRET_LENGTH} are needed. ` +
      'Delete the file to have a new one generated (every staff session ends), or set AUTH_SECRET.',
  );
}

/**
 * A key for one purpose, derived from the app secret (HMAC with a label), so a key that travels (the
 * internal API's bearer token) never reveals the secret that signs sessions.
 */
export function derivedKey(label: string): string {
  return createHmac('sha256', appSecret()).update(`broadsheet:${label}`).digest('base64url');
}
