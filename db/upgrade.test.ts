import { createClient, type Client, type InValue } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from './schema';
import { journalTags, migrationsUpTo } from './test-migrations';

// Upgrades keep every row. A database made by an older migration set (the oldest that shipped, 0000_init
// alone, then each later set) gets a row in every table it has, read from sqlite_master so that a table
// added later cannot be forgotten; then the current migrations run on it (db/migrate.ts), and every row
// is still there with the values it had, and the current schema reads every table.
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-upgrade-'));
Object.assign(process.env, { DATABASE_URL: `file:${join(dir, 'unused.db')}`, DATA_DIR: dir });

let migrateDatabase: typeof import('./migrate').migrateDatabase;
const opened: Client[] = [];

beforeAll(async () => {
  ({ migrateDatabase } = await import('./migrate'));
});
afterAll(() => {
  for (const c of opened) c.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
type Row = Record<string, unknown>;
async function rows(client: Client, sql: string, args: InValue[] = []): Promise<Row[]> {
  return (await client.execute({ sql, args })).rows.map((r) => ({ ...r }));
}

type Table = { name: string; virtual: boolean };

// Columns the current code reads as JSON (text with mode 'json') get a JSON value.
const jsonColumns = new Set(
  Object.values(schema).flatMap((t) => {
    if (!(t instanceof SQLiteTable)) return [];
    const config = getTableConfig(t);
    return config.columns.filter((c) => c.dataType === 'json').map((c) => `${config.name}.${c.name}`);
  }),
);

/** The tables the database has: its own, and virtual ones (whose shadow tables SQLite fills itself). */
async function tablesOf(client: Client): Promise<Table[]> {
  const all = await rows(client, "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'");
  const virtual = all.filter((t) => /^create virtual table/i.test(String(t.sql))).map((t) => String(t.name));
  return all
    .map((t) => String(t.name))
    .filter((name) => !virtual.some((v) => name.startsWith(`${v}_`)))
    .map((name) => ({ name, virtual: virtual.includes(name) }));
}

/** One row in every ordinary table, parents before children, every column given a value of its type. */
async function fillEveryTable(client: Client, tables: Table[]): Promise<void> {
  const pending = tables.filter((t) => !t.virtual).map((t) => t.name);
  const done = new Set<string>();
  while (pending.length > 0) {
    const next = await (async () => {
      for (const name of pending) {
        const fks = await rows(client, `pragma foreign_key_list(${q(name)})`);
        if (fks.every((fk) => fk.table === name || done.has(String(fk.table)))) return { name, fks };
      }
      throw new Error(`a foreign-key cycle among ${pending.join(', ')}`);
    })();
    const columns = await rows(client, `pragma table_info(${q(next.name)})`);
    const pkCount = columns.filter((c) => Number(c.pk) > 0).length;
    const names: string[] = [];
    const values: InValue[] = [];
    for (const column of columns) {
      const name = String(column.name);
      const type = String(column.type).toLowerCase();
      const fk = next.fks.find((f) => f.from === name);
      if (fk && fk.table === next.name) continue; // a self-reference stays null
      if (fk) {
        const [parent] = await rows(client, `select ${q(String(fk.to))} as v from ${q(String(fk.table))} limit 1`);
        names.push(name);
        values.push(parent.v as InValue);
      } else if (Number(column.pk) === 1 && pkCount === 1 && type === 'integer') {
        continue; // the row id
      } else {
        names.push(name);
        const sample = `${next.name}.${name}`;
        values.push(
          type === 'integer'
            ? 1000 + Number(column.cid)
            : type === 'real' || type === 'numeric'
              ? 1.5
              : jsonColumns.has(sample)
                ? JSON.stringify({ sample })
                : sample,
        );
      }
    }
    await client.execute({
      sql: `insert into ${q(next.name)} (${names.map(q).join(', ')}) values (${names.map(() => '?').join(', ')})`,
      args: values,
    });
    done.add(next.name);
    pending.splice(pending.indexOf(next.name), 1);
  }
}

async function snapshot(client: Client, tables: Table[]) {
  const out: Record<string, { count: number; columns: string[]; rows: Row[] }> = {};
  for (const t of tables) {
    const count = Number((await rows(client, `select count(*) as n from ${q(t.name)}`))[0].n);
    const columns = t.virtual ? [] : (await rows(client, `pragma table_info(${q(t.name)})`)).map((c) => String(c.name));
    out[t.name] = { count, columns, rows: t.virtual ? [] : await rows(client, `select * from ${q(t.name)} order by rowid`) };
  }
  return out;
}

const tags = journalTags();

describe('upgrading keeps every row', () => {
  // From the oldest set that shipped (0000_init alone) and from every set after it.
  for (let applied = 1; applied < tags.length; applied++) {
    it(`from ${tags[applied - 1]} (${applied} of ${tags.length} migrations) to the current schema`, async () => {
      const client = createClient({ url: `file:${join(dir, `from-${applied}.db`)}`, timeout: 5000 });
      opened.push(client);
      await client.execute('PRAGMA foreign_keys = ON');
      await migrate(drizzle(client), { migrationsFolder: migrationsUpTo(applied, join(dir, `migrations-${applied}`)) });

      const tables = await tablesOf(client);
      if (applied === 1) expect(tables.length).toBeGreaterThanOrEqual(14); // 0000_init's tables
      await fillEveryTable(client, tables);
      const before = await snapshot(client, tables);
      for (const t of tables) expect(before[t.name].count, `${t.name} has a row`).toBeGreaterThan(0);

      await migrateDatabase(drizzle(client));
      const applies = await rows(client, 'select count(*) as n from __drizzle_migrations');
      expect(Number(applies[0].n)).toBe(tags.length);

      for (const t of tables) {
        const was = before[t.name];
        const count = Number((await rows(client, `select count(*) as n from ${q(t.name)}`))[0].n);
        expect(count, `rows in ${t.name}`).toBe(was.count);
        if (t.virtual) continue;
        const now = await rows(client, `select ${was.columns.map(q).join(', ')} from ${q(t.name)} order by rowid`);
        expect(now, `values in ${t.name}`).toEqual(was.rows);
      }

      // The current code's tables read every row (a column it expects that the upgrade did not add would fail here).
      const db = drizzle(client, { schema });
      for (const table of Object.values(schema)) {
        if (!(table instanceof SQLiteTable)) continue;
        const { name } = getTableConfig(table);
        const read = await db.select().from(table);
        if (before[name]) expect(read.length, `current code reads ${name}`).toBe(before[name].count);
      }
    }, 30_000);
  }
});
