import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { STACK_TEST_BASE_PORT, STACK_TEST_DIR } from '../playwright.stack.config';
import { stackProcesses } from '../scripts/stack/processes';

/**
 * Starts `npm run stack` itself (the CLI a person runs) from an empty database, and on teardown stops
 * it with SIGTERM as a person's Ctrl-C would: the run fails if any process of the stack is left.
 */
export default async function globalSetup() {
  const dir = path.resolve(STACK_TEST_DIR);
  mkdirSync('data', { recursive: true });
  const log = createWriteStream('data/stack-test.log');
  const stack = spawn(process.execPath, ['--import', 'tsx', 'scripts/stack.ts', '--fresh'], {
    env: { ...process.env, STACK_BASE_PORT: String(STACK_TEST_BASE_PORT), STACK_DIR: STACK_TEST_DIR, SCHEDULER_INTERVAL_MS: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => stack.once('exit', (code) => resolve(code)));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
      if (/\[stack\] ready in/.test(output)) resolve();
    };
    stack.stdout.on('data', take);
    stack.stderr.on('data', take);
    void exited.then((code) => reject(new Error(`npm run stack exited (${code}) before it was ready:\n${output}`)));
  });
  const stop = async () => {
    stack.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
    log.end();
    return code;
  };
  const started = Date.now();
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`npm run stack not ready within 4 minutes:\n${output}`)), 240_000)),
    ]);
  } catch (err) {
    await stop();
    throw err;
  }
  console.log(`[stack-test] the stack answered after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return async () => {
    const code = await stop();
    const left = stackProcesses(dir);
    for (const p of left) process.kill(p.pid, 'SIGKILL');
    if (left.length) throw new Error(`npm run stack left processes running after SIGTERM:\n${left.map((p) => `${p.pid} ${p.command}`).join('\n')}`);
    if (code !== 0) throw new Error(`npm run stack ended with ${code} after SIGTERM; see data/stack-test.log`);
    console.log('[stack-test] the stack stopped cleanly: no process of it is left');
  };
}
