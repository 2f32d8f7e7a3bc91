// npm run stack [-- --fresh]
//
// Broadsheet as a large publication runs it, on this machine's loopback: nginx's micro-cache in
// front, two app instances sharing their caches through Redis, and a libSQL server (sqld) for the
// database. Installs Debian's nginx and redis-server when missing, builds when .next/BUILD_ID is
// missing, runs in the foreground and stops every part on Ctrl-C or SIGTERM. --fresh starts from an
// empty database. Ports and folder: STACK_BASE_PORT (3600), STACK_DIR (data/stack); see README.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stackConfig } from './stack/config';
import { startStack } from './stack/stack';

const { values: args } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } });
const config = stackConfig();
if (args.fresh) rmSync(config.dir, { recursive: true, force: true });

const rel = (p: string) => path.relative(process.cwd(), p) || '.';
let stopRequested = false;

async function main() {
  const started = Date.now();
  // Ctrl-C or SIGTERM while starting stops what has started so far; afterwards, everything.
  const abort = new AbortController();
  let stop = () => abort.abort();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopRequested) return;
      stopRequested = true;
      console.log(`\n[stack] ${signal}: stopping`);
      stop();
    });
  }
  const stack = await startStack(config, { signal: abort.signal });
  stop = () => void stack.stop();
  if (stopRequested) stop();
  const { info } = stack;
  const rows = [
    ['site, through nginx', info.url],
    ...info.apps.map((a) => [`app instance ${a.name}`, `${a.url}   (pid ${a.pid})`]),
    ['Redis', info.redisUrl],
    ['libSQL server (sqld)', `${info.databaseUrl}   (token in ${rel(path.join(info.dir, 'secrets.json'))})`],
    ['static file server', `${info.staticUrl}   (serves ${rel(info.staticRoot)})`],
  ];
  console.log(`\n[stack] ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n${rows.map(([k, v]) => `  ${k.padEnd(22)} ${v}`).join('\n')}`);
  console.log(`  logs                   ${rel(info.logs)}/\n\n  Demo sign-in: editor@example.com / broadsheet-demo. Ctrl-C stops everything.\n`);

  await stack.done;
  console.log('[stack] stopped');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[stack] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
