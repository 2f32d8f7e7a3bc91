import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * For Vitest files that test queries: points this file's process at a throw-away database file.
 * Call it at the top of the test file, before anything imports the client (`lib/env` reads the
 * environment once); `open()` then migrates it with the real migrations, `close()` removes it.
 */
export function throwawayDatabase(name: string, env: (dir: string) => Record<string, string> = () => ({})) {
  const dir = mkdtempSync(join(tmpdir(), `broadsheet-${name}-`));
  Object.assign(process.env, { DATABASE_URL: `file:${join(dir, 'test.db')}`, DATA_DIR: dir, ...env(dir) });
  let client: { close(): void } | undefined;
  return {
    dir,
    async open() {
      const index = await import('./index');
      const { migrateDatabase } = await import('./migrate');
      await migrateDatabase(index.db);
      client = index.client;
      return index;
    },
    close() {
      client?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
