import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The app secret file in the data folder, and the internal API key derived from it.
const dirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-secret-'));
  dirs.push(dir);
  return dir;
}

/** lib/env reads the environment once, so each case imports the modules anew. */
async function load(dataDir: string) {
  vi.resetModules();
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: `file:${join(dataDir, 'test.db')}` });
  delete process.env.AUTH_SECRET;
  return { secret: await import('./secret'), bearer: await import('./auth/secret-bearer') };
}

beforeEach(() => {
  vi.resetModules();
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('appSecret', () => {
  it('generates a long secret into the data folder once, and reads the same one back', async () => {
    const dir = freshDataDir();
    const first = (await load(dir)).secret.appSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'auth-secret'), 'utf8').trim()).toBe(first);
    expect((await load(dir)).secret.appSecret()).toBe(first);
  });

  it('refuses an empty or short secret file loudly instead of using it', async () => {
    for (const content of ['', '\n', 'short-secret\n', 'x'.repeat(31)]) {
      const dir = freshDataDir();
      writeFileSync(join(dir, 'auth-secret'), content);
      const { secret } = await load(dir);
      expect(() => secret.appSecret()).toThrow(/at least 32 are needed/);
    }
  });
});

describe('the internal API key', () => {
  it('is derived from the secret, never the secret itself, and only it opens the internal routes', async () => {
    const { secret, bearer } = await load(freshDataDir());
    const raw = secret.appSecret();
    const header = bearer.internalAuthorization();
    expect(header.startsWith('Bearer ')).toBe(true);
    expect(header).not.toContain(raw);
    expect(bearer.internalAuthorization()).toBe(header);
    const call = (authorization?: string) => new Request('http://site/api/revalidate', { method: 'POST', headers: authorization ? { authorization } : {} });
    expect(bearer.hasAppSecretBearer(call(header))).toBe(true);
    expect(bearer.hasAppSecretBearer(call(`Bearer ${raw}`))).toBe(false);
    expect(bearer.hasAppSecretBearer(call())).toBe(false);
    expect(bearer.hasAppSecretBearer(call(`${header}x`))).toBe(false);
  });

  it('is what `npm run internal-key` prints (scripts/internal-key.mjs uses the same label)', async () => {
    const { secret, bearer } = await load(freshDataDir());
    const script = readFileSync(join(process.cwd(), 'scripts/internal-key.mjs'), 'utf8');
    const label = /INTERNAL_API_LABEL = '([^']+)'/.exec(script)?.[1];
    expect(label).toBeDefined();
    expect(bearer.internalAuthorization()).toBe(`Bearer ${secret.derivedKey(label!)}`);
  });
});
