// `npm start`: build if needed, create/migrate/seed the database, then serve the production site.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync('.next/BUILD_ID')) {
  console.log('[start] no production build yet: running next build');
  run('npx', ['next', 'build']);
}
run('npx', ['tsx', '--conditions=react-server', 'scripts/db-prepare.ts']);

const port = process.env.PORT ?? '3000';
const host = process.env.HOST;
// Not `next start`: scripts/server.mjs sees the socket, so the client's address cannot be forged.
const args = ['scripts/server.mjs', '-p', port, ...(host ? ['-H', host] : [])];
const server = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
