import { createClient, type Client } from '@libsql/client';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_PATH, journalTags, migrationsUpTo } from './test-migrations';
import { createBackup, pruneBackups } from '@/lib/ops/backup';
import { checkIntegrity, countRows } from './queries/backup';
import { restoreBackup, RestoreRefused } from '@/lib/ops/restore';

// Backups and restores on real libSQL files in a temporary folder.
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-backup-'));
// db/migrate.ts reads lib/env, which reads the environment once: point it here before it is imported.
Object.assign(process.env, { DATABASE_URL: `file:${join(dir, 'unused.db')}`, DATA_DIR: dir });

let migrateDatabase: typeof import('./migrate').migrateDatabase;
const migrateForward = (client: Client) => migrateDatabase(drizzle(client));
const opened: Client[] = [];
const open = (file: string) => {
  const client = createClient({ url: `file:${file}`, timeout: 5000 });
  opened.push(client);
  return client;
};

beforeAll(async () => {
  ({ migrateDatabase } = await import('./migrate'));
});
afterAll(() => {
  for (const c of opened) c.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A site: a WAL database migrated with the first `migrations` migrations (all by default), one article, some images. */
async function makeSite(name: string, migrations?: number) {
  const root = join(dir, name);
  mkdirSync(join(root, 'uploads', '2026', '01'), { recursive: true });
  writeFileSync(join(root, 'uploads', '2026', '01', 'cover.jpg'), 'not really a jpeg');
  writeFileSync(join(root, 'uploads', 'portrait.webp'), Buffer.from([1, 2, 3]));
  const file = join(root, 'site.db');
  const client = open(file);
  await client.execute('PRAGMA journal_mode = WAL');
  const folder = migrations === undefined ? undefined : migrationsUpTo(migrations, join(root, 'migrations'));
  if (folder) await migrate(drizzle(client), { migrationsFolder: folder });
  else await migrateForward(client);
  await client.execute("insert into users (email, name, slug, role) values ('ed@paper.example', 'Ed', 'ed', 'editor')");
  await client.execute("insert into articles (slug, title, status, body) values ('story', 'A story', 'published', 'Words.')");
  return { root, file, client, uploads: join(root, 'uploads') };
}

const backupOf = (site: { client: Client; uploads: string }, outDir: string, now?: Date) =>
  createBackup({ client: site.client, uploadsDir: site.uploads, outDir, journalPath: JOURNAL_PATH, appVersion: 'test', now: now && (() => now) });

describe('a backup taken while replies are being posted', () => {
  it('restores to exactly the rows its manifest counted, and passes the integrity check', async () => {
    const site = await makeSite('busy');
    // Enough rows that the copy takes a moment, so the writer below really runs beside it.
    await site.client.execute(`with recursive n(i) as (select 1 union all select i + 1 from n where i < 40000)
      insert into replies (article_id, author_name, author_email, body, status)
      select 1, 'Reader ' || i, 'r' || i || '@example.com', printf('%.300c', 'x'), 'approved' from n`);

    // Another process posts replies one by one, as the site would, until it is told to stop.
    const writer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client';
         const c = createClient({ url: process.argv[1], timeout: 5000 });
         let n = 0, stop = false;
         process.on('SIGTERM', () => { stop = true; });
         while (!stop) {
           await c.execute({ sql: "insert into replies (article_id, author_name, author_email, body, status) values (1, 'Live', 'live@example.com', ?, 'pending')", args: ['reply ' + n] });
           n++;
           if (n % 20 === 0) console.log(n);
           await new Promise((r) => setImmediate(r));
         }
         console.log('done ' + n);
         c.close();`,
        `file:${site.file}`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let written = 0;
    let finished = false;
    writer.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().trim().split('\n')) {
        if (line.startsWith('done')) finished = true;
        written = Number(line.replace('done ', ''));
      }
    });
    const exited = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    while (written < 40) await new Promise((r) => setTimeout(r, 20));

    const before = written;
    const { folder, manifest } = await backupOf(site, join(dir, 'busy-backups'));
    await new Promise((r) => setTimeout(r, 200)); // the writer goes on after the copy too
    writer.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(finished).toBe(true);

    // The writer was never stopped by the backup, and the copy is one moment of it.
    const live = await countRows(site.client);
    expect(written).toBeGreaterThan(before);
    expect(manifest.tables.replies).toBeGreaterThan(40000);
    expect(manifest.tables.replies).toBeLessThan(live.replies);
    expect(manifest.schema.tag).toBe(journalTags().at(-1));
    expect(Object.keys(manifest.files).sort()).toEqual(['database.db', 'uploads/2026/01/cover.jpg', 'uploads/portrait.webp']);

    const target = join(dir, 'busy-restored');
    const restored = await restoreBackup({
      from: folder,
      databaseUrl: `file:${join(target, 'restored.db')}`,
      uploadsDir: join(target, 'uploads'),
      migrate: migrateForward,
    });
    expect(restored.tables).toEqual(manifest.tables);
    expect(restored.images).toBe(2);
    expect(readFileSync(join(target, 'uploads', '2026', '01', 'cover.jpg'), 'utf8')).toBe('not really a jpeg');
    const check = open(join(target, 'restored.db'));
    expect(await checkIntegrity(check, true)).toBe('ok');
    expect(await countRows(check)).toEqual(manifest.tables);
  }, 60_000);
});

describe('a backup made by an older schema', () => {
  it('restores and migrates to the current schema, keeping its rows', async () => {
    const site = await makeSite('old', 2); // 0000_init and 0001 only
    await site.client.execute(
      "insert into replies (article_id, author_name, author_email, body, status) values (1, 'Old', 'old@example.com', 'From long ago', 'approved')",
    );
    const { folder, manifest } = await backupOf(site, join(dir, 'old-backups'));
    expect(manifest.schema).toMatchObject({ tag: journalTags()[1], applied: 2 });
    expect(manifest.tables.mail_queue).toBeUndefined(); // a later migration's table

    const target = join(dir, 'old-restored');
    const restored = await restoreBackup({
      from: folder,
      databaseUrl: `file:${join(target, 'restored.db')}`,
      uploadsDir: join(target, 'uploads'),
      migrate: migrateForward,
    });
    for (const [table, rows] of Object.entries(manifest.tables)) {
      if (table === '__drizzle_migrations') expect(restored.tables[table]).toBe(journalTags().length);
      else expect(restored.tables[table], table).toBe(rows);
    }
    expect(restored.tables.mail_queue).toBe(0);
    const check = open(join(target, 'restored.db'));
    const reply = await check.execute("select body, status_changed_at, notify_replies from replies where author_name = 'Old'");
    expect(reply.rows[0]).toMatchObject({ body: 'From long ago', notify_replies: 0 });
    expect(reply.rows[0].status_changed_at).not.toBeNull(); // 0002's backfill ran
    // The search index (0004) holds the old article.
    expect((await check.execute("select rowid from article_search where article_search match 'story'")).rows).toHaveLength(1);
  }, 60_000);
});

describe('refusals', () => {
  it('refuses a backup whose files do not match their checksums, and restores nothing', async () => {
    const site = await makeSite('damaged');
    const { folder } = await backupOf(site, join(dir, 'damaged-backups'));
    writeFileSync(join(folder, 'uploads', 'portrait.webp'), Buffer.from([9, 9, 9]));
    const target = join(dir, 'damaged-restored');
    const attempt = restoreBackup({
      from: folder,
      databaseUrl: `file:${join(target, 'restored.db')}`,
      uploadsDir: join(target, 'uploads'),
      migrate: migrateForward,
    });
    await expect(attempt).rejects.toThrow(RestoreRefused);
    await expect(attempt).rejects.toThrow(/uploads\/portrait\.webp does not match its checksum/);
    expect(existsSync(join(target, 'restored.db'))).toBe(false);

    rmSync(join(folder, 'database.db'));
    await expect(
      restoreBackup({ from: folder, databaseUrl: `file:${join(target, 'restored.db')}`, uploadsDir: join(target, 'uploads'), migrate: migrateForward }),
    ).rejects.toThrow(/database\.db is missing/);
  });

  it('refuses a database that holds data unless forced, and then moves it aside instead of deleting it', async () => {
    const site = await makeSite('source');
    const { folder } = await backupOf(site, join(dir, 'source-backups'));
    const other = await makeSite('occupied');
    await other.client.execute("insert into articles (slug, title) values ('kept', 'Kept aside')");
    other.client.close();
    const options = { from: folder, databaseUrl: `file:${other.file}`, uploadsDir: other.uploads, migrate: migrateForward };

    await expect(restoreBackup(options)).rejects.toThrow(/Refusing to restore: the database .* holds data and the uploads folder .* holds files[\s\S]*--force/);

    const restored = await restoreBackup({ ...options, force: true, now: () => new Date('2026-05-06T07:08:09Z') });
    expect(restored.movedAside).toContain(`${other.file}.replaced-20260506T070809`);
    expect(restored.movedAside).toContain(`${other.uploads}.replaced-20260506T070809`);
    const kept = open(`${other.file}.replaced-20260506T070809`);
    expect((await kept.execute("select title from articles where slug = 'kept'")).rows).toHaveLength(1);
    const now = open(other.file);
    expect((await now.execute("select title from articles where slug = 'kept'")).rows).toHaveLength(0);
    expect((await now.execute("select title from articles where slug = 'story'")).rows).toHaveLength(1);
  });

  it('refuses a folder that is not a backup, naming the newest backup inside it', async () => {
    const site = await makeSite('wrong-folder');
    const out = join(dir, 'wrong-folder-backups');
    const { folder } = await backupOf(site, out);
    const attempt = restoreBackup({ from: out, databaseUrl: `file:${join(dir, 'x', 'x.db')}`, uploadsDir: join(dir, 'x', 'u'), migrate: migrateForward });
    await expect(attempt).rejects.toThrow(RestoreRefused);
    await expect(attempt).rejects.toThrow(`The newest backup there is ${folder}`);
  });
});

describe('--keep', () => {
  it('keeps the newest N backups and leaves everything else in the folder alone', async () => {
    const site = await makeSite('kept');
    const out = join(dir, 'kept-backups');
    for (const day of ['01', '02', '03', '04']) await backupOf(site, out, new Date(`2026-02-${day}T03:00:00Z`));
    mkdirSync(join(out, 'broadsheet-20200101-000000')); // no manifest: not a finished backup
    mkdirSync(join(out, 'notes'));
    const pruned = await pruneBackups(out, 2);
    expect(pruned.sort()).toEqual(['broadsheet-20260201-030000', 'broadsheet-20260202-030000']);
    expect(readdirSync(out).sort()).toEqual(['broadsheet-20200101-000000', 'broadsheet-20260203-030000', 'broadsheet-20260204-030000', 'notes']);
  });
});

describe('the commands', () => {
  const run = (script: string, args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', script, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });

  it('refuse a libSQL server and an embedded replica, and exit non-zero', () => {
    const server = run('scripts/backup.ts', ['--out', join(dir, 'never')], { DATABASE_URL: 'libsql://news.example.turso.io', DATABASE_AUTH_TOKEN: 'token' });
    expect(server.status).toBe(1);
    expect(server.stderr).toMatch(/libSQL server[\s\S]*turso db create .* --from-db .* --timestamp/);
    const replica = run('scripts/restore.ts', [join(dir, 'never')], {
      DATABASE_URL: `file:${join(dir, 'replica.db')}`,
      DATABASE_SYNC_URL: 'libsql://primary.example',
    });
    expect(replica.status).toBe(1);
    expect(replica.stderr).toMatch(/embedded replica/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  }, 30_000);

  it('back up with --keep and restore through npm’s scripts', async () => {
    const site = await makeSite('cli');
    const out = join(dir, 'cli-backups');
    mkdirSync(join(out, 'broadsheet-20000101-000000'), { recursive: true });
    writeFileSync(join(out, 'broadsheet-20000101-000000', 'manifest.json'), '{}');
    const backup = run('scripts/backup.ts', ['--out', out, '--keep', '1'], { DATABASE_URL: `file:${site.file}`, DATA_DIR: site.root });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/removed the older backup broadsheet-20000101-000000/);
    const [folder] = readdirSync(out);
    expect(JSON.parse(readFileSync(join(site.root, 'last-backup.json'), 'utf8')).folder).toBe(join(out, folder));

    const target = join(dir, 'cli-restored');
    const env = { DATABASE_URL: `file:${join(target, 'site.db')}`, DATA_DIR: target };
    const restore = run('scripts/restore.ts', [join(out, folder)], env);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/is ready: \d+ rows, migrated to the current schema/);
    const again = run('scripts/restore.ts', [join(out, folder)], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Refusing to restore[\s\S]*--force/);
    const forced = run('scripts/restore.ts', [join(out, folder), '--force'], env);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/Moved aside: .*site\.db\.replaced-/);
  }, 60_000);
});
