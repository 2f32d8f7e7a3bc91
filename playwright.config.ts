import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
// The notification spec's SMTP server listens here (e2e/support/smtp.ts).
const SMTP_PORT = PORT + 15;
export const E2E_DATA_DIR = './data/e2e';
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// A second server with the settings `npm start` has out of the box (no TRUST_PROXY), on its own
// database: e2e/attacks.spec.ts replays forged headers against it.
const DEFAULTS_PORT = PORT + 1;
export const E2E_DEFAULTS_DATA_DIR = './data/e2e-defaults';
export const DEFAULTS_URL = `http://127.0.0.1:${DEFAULTS_PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // A fresh database for every run, migrated and seeded by the same start script as `npm start`, on
      // the Node that runs the tests (not whichever comes first on PATH).
      command: `rm -rf ${E2E_DATA_DIR} && ${JSON.stringify(process.execPath)} scripts/start.mjs`,
      url: `${BASE_URL}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${E2E_DATA_DIR}/broadsheet.db`,
        QUERY_LOG_FILE: `${E2E_DATA_DIR}/queries.log`,
        SITE_URL: BASE_URL,
        // On purpose, for this server only: the tests give each journey its own client address through
        // X-Forwarded-For (from loopback, a trusted proxy by default), so flood control, report limits and
        // sign-in throttling never link two tests. The defaults server below believes no such header.
        TRUST_PROXY: 'true',
        SCHEDULER_INTERVAL_MS: '1000',
        HOUSEKEEPING_INTERVAL_MS: '2000',
        // A real SMTP server, started by the notification spec (e2e/notifications.spec.ts).
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        MAIL_INTERVAL_MS: '500',
        // Request lines (lib/log.ts) would flood the test output; warnings and errors still show.
        LOG_LEVEL: 'warn',
      },
    },
    {
      command: `rm -rf ${E2E_DEFAULTS_DATA_DIR} && ${JSON.stringify(process.execPath)} scripts/start.mjs`,
      url: `${DEFAULTS_URL}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      env: {
        PORT: String(DEFAULTS_PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${E2E_DEFAULTS_DATA_DIR}/broadsheet.db`,
        SITE_URL: DEFAULTS_URL,
        LOG_LEVEL: 'warn',
      },
    },
  ],
});
