import { execFileSync } from 'node:child_process';
import { E2E_DATA_DIR, E2E_DATABASE_URL, ROOT, SERVER_URL } from './paths';

/** The key `npm run internal-key` prints for the test server's data folder. */
export function internalKey(): string {
  // The test server has no AUTH_SECRET: its secret was generated into its data folder.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: E2E_DATABASE_URL };
  delete env.AUTH_SECRET;
  return execFileSync(process.execPath, ['scripts/internal-key.mjs'], { cwd: ROOT, env, encoding: 'utf8' }).trim();
}

/**
 * Has the test server reload its old-address table, as the importer does after writing rows
 * (lib/revalidate/remote.ts): the same internal route, the same key.
 */
export async function reloadRedirectsOnServer(): Promise<void> {
  const response = await fetch(`${SERVER_URL}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${internalKey()}` },
    body: JSON.stringify({ tags: ['old-addresses-e2e'], redirects: true }),
  });
  if (!response.ok) throw new Error(`reloading the old addresses failed: ${response.status} ${await response.text()}`);
}

/**
 * Has the test server expire these cache tags, as the importer does after writing rows: for a test that
 * writes articles straight into the database, where the app's own writes would expire them itself.
 */
export async function expireTagsOnServer(tags: string[]): Promise<void> {
  const response = await fetch(`${SERVER_URL}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${internalKey()}` },
    body: JSON.stringify({ tags }),
  });
  if (!response.ok) throw new Error(`expiring ${tags.join(', ')} failed: ${response.status} ${await response.text()}`);
}
