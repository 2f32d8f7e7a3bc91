import { spawn, spawnSync } from 'node:child_process';
import { E2E_DATABASE_URL, ROOT, SERVER_URL } from './paths';

// Running an importer script (scripts/import*.ts) against the running test server's database, as an
// editor would from a shell: one place for the command line and environment every import spec uses.

const command = (script: string, args: string[]) => ['tsx', '--conditions=react-server', `scripts/${script}`, ...args];
const env = () => ({ ...process.env, DATABASE_URL: E2E_DATABASE_URL, SERVER_URL });

export type ImportRun = { status: number | null; stdout: string; stderr: string; error?: Error };

/** Runs it and waits, blocking this process (fine unless this process must serve something meanwhile). */
export function runImport(script: string, args: string[], timeout = 90_000): ImportRun {
  const result = spawnSync('npx', command(script, args), { cwd: ROOT, encoding: 'utf8', timeout, env: env() });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

/** The same without blocking: a server in this test process (an old site's images) answers the importer meanwhile. */
export function runImportAsync(script: string, args: string[]): Promise<ImportRun> {
  const child = spawn('npx', command(script, args), { cwd: ROOT, env: env() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}
