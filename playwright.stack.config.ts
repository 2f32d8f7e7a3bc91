import { defineConfig, devices } from '@playwright/test';
import baseConfig from './playwright.config';

// The whole stack (npm run stack: nginx, Redis, sqld, two app instances) on ports of its own, from an
// empty database, started and stopped by e2e-stack/global-setup.ts. One worker, in file order: the
// last test kills an instance.
export const STACK_TEST_BASE_PORT = Number(process.env.STACK_TEST_BASE_PORT ?? 3660);
export const STACK_TEST_DIR = 'data/stack-test';

export default defineConfig({
  testDir: './e2e-stack',
  outputDir: './test-results/stack',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  globalSetup: './e2e-stack/global-setup.ts',
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${STACK_TEST_BASE_PORT}`,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
