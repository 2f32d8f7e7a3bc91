import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where playwright.config.ts lives and the test server runs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The same files playwright.config.ts gives the test server. */
export const E2E_DATA_DIR = path.join(ROOT, 'data', 'e2e');
export const E2E_DATABASE_URL = 'file:./data/e2e/broadsheet.db';
export const QUERY_LOG_FILE = path.join(E2E_DATA_DIR, 'queries.log');
export const SERVER_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

/** The second test server, with the default settings (no TRUST_PROXY): e2e/attacks.spec.ts. */
export const DEFAULTS_SERVER_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 1}`;
export const E2E_DEFAULTS_DATABASE_URL = 'file:./data/e2e-defaults/broadsheet.db';
