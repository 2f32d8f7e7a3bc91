import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_RETENTION, PERSONAL_DATA } from '@/lib/privacy/personal-data';
import * as schema from './schema';
import { throwawayDatabase } from './test-database';

// Personal data, against a throw-away database migrated by the real migrations: every column of every
// table is classified (lib/privacy/personal-data.ts), and the export, erasure and retention do what the
// classification says. Seeded with one commenter's data in every table that can hold it.
const testDb = throwawayDatabase('personal-data');

type Client = import('@libsql/client').Client;
let client: Client;
let m: { commenters: typeof import('./queries/commenters'); housekeeping: typeof import('./queries/housekeeping') };
let staffId: number;
let articleId: number;

const tables = () => Object.values(schema).flatMap((v) => (v instanceof SQLiteTable ? [getTableConfig(v)] : []));
const columnsOf = (table: string) => tables().find((t) => t.name === table)!.columns;

async function rows(sql: string, args: (string | number | null)[] = []) {
  return (await client.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
}
async function insert(sql: string, args: (string | number | null)[]): Promise<number> {
  const [row] = await rows(`${sql} returning rowid as rowid`, args);
  return Number(row.rowid);
}

beforeAll(async () => {
  const index = await testDb.open();
  client = index.client;
  m = { commenters: await import('./queries/commenters'), housekeeping: await import('./queries/housekeeping') };
  staffId = await insert("insert into users (email, name, slug, role) values ('mod@paper.example', 'Mo Derator', 'mo', 'moderator')", []);
  articleId = await insert("insert into articles (slug, title, status, published_at) values ('a', 'A story', 'published', ?)", [Date.now()]);
});

afterAll(() => {
  testDb.close();
});

describe('the map of personal data', () => {
  it('classifies every column of every table, and only those', () => {
    const actual = Object.fromEntries(tables().map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
    const mapped = Object.fromEntries(Object.entries(PERSONAL_DATA).map(([table, columns]) => [table, Object.keys(columns).sort()]));
    expect(mapped).toEqual(actual);
  });

  it('names real columns for retention', () => {
    for (const entry of AFTER_RETENTION) {
      const [table, column] = entry.split('.');
      expect(PERSONAL_DATA[table], entry).toBeDefined();
      if (column !== '*') expect(PERSONAL_DATA[table][column], entry).not.toBe('none');
    }
  });
});

// ---- One commenter's data everywhere it can be -------------------------------------------------

const ERIN = {
  email: 'erin.private@example.org',
  name: 'Erin Example',
  url: 'https://erin.example/blog',
  body: 'Erin body text 7f3a',
  userAgent: 'ErinBrowser/1.0',
  ipHash: 'erin-ip-hash',
};
const erinBase64 = Buffer.from(ERIN.email).toString('base64url');
/** Anything that would still identify Erin or hold her words. */
const NEEDLES = [ERIN.email, ERIN.name, 'erin.example', '7f3a', ERIN.userAgent, ERIN.ipHash, erinBase64];

/** Rows (by rowid) holding Erin's own data, per table: what her export must show. */
const hers: Record<string, number[]> = {};
const mine = (table: string, rowid: number) => {
  (hers[table] ??= []).push(rowid);
  return rowid;
};
let olive: { reply: number; mail: number };

async function seedErin() {
  const oliveReply = await insert(
    "insert into replies (article_id, depth, author_name, author_email, body, status, notify_replies) values (?, 1, 'Olive Other', 'olive@example.org', 'Olive says hello', 'approved', 1)",
    [articleId],
  );
  const a = mine(
    'replies',
    await insert(
      "insert into replies (article_id, parent_id, depth, author_name, author_email, author_url, body, status, ip_hash, user_agent, notify_replies) values (?, ?, 2, ?, ?, ?, ?, 'approved', ?, ?, 1)",
      [articleId, oliveReply, ERIN.name, ERIN.email, ERIN.url, ERIN.body, ERIN.ipHash, ERIN.userAgent],
    ),
  );
  const reason = { rule: 'moderation-word', detail: 'Contains the moderation word “Erin” in the name.', match: 'Erin Example', field: 'name' };
  const b = mine(
    'replies',
    await insert(
      "insert into replies (article_id, depth, author_name, author_email, body, status, status_reason, ip_hash) values (?, 1, ?, ?, ?, 'spam', ?, ?)",
      [articleId, ERIN.name, ERIN.email, `Second: ${ERIN.body}`, JSON.stringify(reason), ERIN.ipHash],
    ),
  );
  mine(
    'moderation_log',
    await insert("insert into moderation_log (reply_id, actor_id, action, note) values (?, ?, 'edit', ?)", [
      a,
      staffId,
      `Previous text: ${ERIN.body} (first go)`,
    ]),
  );
  mine(
    'moderation_log',
    await insert("insert into moderation_log (reply_id, action, to_status, note) values (?, 'rules:moderation-word', 'spam', ?)", [b, reason.detail]),
  );
  mine(
    'reply_reports',
    await insert("insert into reply_reports (reply_id, reason, note, reporter_hash) values (?, 'abuse', ?, 'someone-else')", [a, `“${ERIN.body}” is rude`]),
  );
  // A report Erin sent, from her address, on Olive's reply: Olive's business, but it must not point at Erin.
  await insert("insert into reply_reports (reply_id, reason, note, reporter_hash) values (?, 'off-topic', 'Off topic', ?)", [oliveReply, ERIN.ipHash]);
  mine(
    'commenter_sanctions',
    await insert("insert into commenter_sanctions (email, ip_hash, kind, reason, created_by_id) values (?, ?, 'hold', ?, ?)", [
      ERIN.email,
      ERIN.ipHash,
      `${ERIN.name} keeps linking`,
      staffId,
    ]),
  );
  const unsubscribe = `<https://paper.example/unsubscribe?e=${erinBase64}&x=1&s=sig>`;
  mine(
    'mail_queue',
    await insert('insert into mail_queue (dedupe_key, to_address, subject, text_body, headers, next_attempt_at, last_error) values (?, ?, ?, ?, ?, ?, ?)', [
      `approved:${a}`,
      ERIN.email,
      'Your comment on “A story” is published',
      `Hello ${ERIN.name},\nIt is on the page now.`,
      JSON.stringify({ 'List-Unsubscribe': unsubscribe }),
      Date.now(),
      `550 ${ERIN.email}: mailbox full`,
    ]),
  );
  // The mail to Olive about Erin's answer quotes Erin: not Erin's to see, but it goes with her.
  await insert("insert into mail_queue (dedupe_key, to_address, subject, text_body, next_attempt_at) values (?, 'olive@example.org', ?, ?, ?)", [
    `answer:${a}`,
    `${ERIN.name} replied to your comment`,
    `> ${ERIN.body}`,
    Date.now(),
  ]);
  const oliveMail = await insert(
    "insert into mail_queue (dedupe_key, to_address, subject, text_body, next_attempt_at) values (?, 'olive@example.org', 'Olive’s own', 'Hello Olive', ?)",
    [`approved:${oliveReply}`, Date.now()],
  );
  mine('mail_opt_outs', await insert('insert into mail_opt_outs (email) values (?)', [ERIN.email]));
  olive = { reply: oliveReply, mail: oliveMail };
}

/** Every value anywhere in the database that still holds one of the needles, as `table.column: value`. */
async function leftovers(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables()) {
    for (const row of await rows(`select * from ${t.name}`)) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && needles.some((n) => value.includes(n))) found.push(`${t.name}.${column}: ${value}`);
      }
    }
  }
  return found;
}

describe('a commenter’s data', () => {
  beforeAll(seedErin);

  it('is all in their export: every column the map calls theirs, from every table that holds it', async () => {
    const exported = JSON.stringify(await m.commenters.exportCommenter(ERIN.email));
    const withCommenterData = Object.entries(PERSONAL_DATA)
      .filter(([, columns]) => Object.values(columns).includes('commenter'))
      .map(([table]) => table)
      .sort();
    // A new table holding commenter data must be seeded above, and so checked here.
    expect(Object.keys(hers).sort()).toEqual(withCommenterData);
    const missing: string[] = [];
    for (const [table, rowids] of Object.entries(hers)) {
      const columns = columnsOf(table).filter((c) => PERSONAL_DATA[table][c.name] === 'commenter');
      for (const row of await rows(`select ${columns.map((c) => c.name).join(', ')} from ${table} where rowid in (${rowids.join(', ')})`)) {
        for (const column of columns) {
          const value = row[column.name];
          if (value === null || value === undefined) continue;
          const shown =
            column.dataType === 'json'
              ? JSON.stringify(JSON.parse(String(value)))
              : column.dataType === 'boolean'
                ? String(Boolean(value))
                : JSON.stringify(String(value)).slice(1, -1);
          if (!exported.includes(shown)) missing.push(`${table}.${column.name}: ${shown}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // What was sent to someone else is not in it.
    expect(exported).not.toContain('olive@example.org');
  });

  it('is gone after erasure, from every table, while others’ data stays', async () => {
    expect((await leftovers(NEEDLES)).length).toBeGreaterThan(10);
    const erased = await m.commenters.eraseCommenter(ERIN.email, staffId);
    expect(erased.replies).toBe(2);
    expect(await leftovers(NEEDLES)).toEqual([]);

    const after = await m.commenters.exportCommenter(ERIN.email);
    expect({ replies: after.replies, sanctions: after.sanctions, mail: after.mail, optOut: after.notificationsOptOut }).toEqual({
      replies: [],
      sanctions: [],
      mail: [],
      optOut: null,
    });
    // Her replies keep their place and the rule's name; Olive's reply, mail and the report on it stay.
    const kept = await rows("select body, status_reason from replies where author_email like 'erased-%@invalid' order by id");
    expect(kept.map((r) => [r.body, r.status_reason])).toEqual([
      [m.commenters.ERASED_TEXT, null],
      [m.commenters.ERASED_TEXT, JSON.stringify({ rule: 'moderation-word' })],
    ]);
    expect(await rows('select body from replies where id = ?', [olive.reply])).toEqual([{ body: 'Olive says hello' }]);
    expect(await rows('select subject from mail_queue where id = ?', [olive.mail])).toEqual([{ subject: 'Olive’s own' }]);
    const [report] = await rows('select note, reporter_hash from reply_reports where reply_id = ?', [olive.reply]);
    expect(report.note).toBe('Off topic');
    expect(String(report.reporter_hash)).toMatch(/^expired:\d+$/);
  });
});

describe('retention', () => {
  it('drops what AFTER_RETENTION lists once older than the cutoff, and keeps newer data', async () => {
    const day = 86_400_000;
    const old = Date.now() - 100 * day;
    const cutoff = new Date(Date.now() - 90 * day);
    const oldRows: Record<string, number> = {
      replies: await insert(
        "insert into replies (article_id, author_name, author_email, body, status, ip_hash, user_agent, created_at) values (?, 'Old', 'old@example.org', 'Old words', 'approved', 'old-hash', 'OldUA', ?)",
        [articleId, old],
      ),
      reply_reports: await insert("insert into reply_reports (reply_id, reason, reporter_hash, created_at) values (?, 'spam', 'old-reporter', ?)", [
        olive.reply,
        old,
      ]),
      commenter_sanctions: await insert(
        "insert into commenter_sanctions (email, ip_hash, kind, reason, created_at, lifted_at) values ('old@example.org', 'old-hash', 'ban', 'x', ?, ?)",
        [old, old],
      ),
      mail_queue: await insert(
        "insert into mail_queue (dedupe_key, to_address, subject, text_body, next_attempt_at, sent_at, created_at) values ('approved:old', 'old@example.org', 's', 't', ?, ?, ?)",
        [old, old, old],
      ),
    };
    const ended = await insert(
      "insert into commenter_sanctions (email, ip_hash, kind, reason, until, created_at) values ('was@example.org', 'was-hash', 'suspend', 'x', ?, ?)",
      [old, old - day],
    );
    const recent = {
      reply: await insert(
        "insert into replies (article_id, author_name, author_email, body, status, ip_hash, user_agent) values (?, 'New', 'new@example.org', 'New words', 'approved', 'new-hash', 'NewUA')",
        [articleId],
      ),
      report: await insert("insert into reply_reports (reply_id, reason, reporter_hash) values (?, 'spam', 'new-reporter')", [olive.reply]),
      ban: await insert(
        "insert into commenter_sanctions (email, ip_hash, kind, reason, created_at) values ('banned@example.org', 'banned-hash', 'ban', 'x', ?)",
        [old],
      ),
      mail: await insert(
        "insert into mail_queue (dedupe_key, to_address, subject, text_body, next_attempt_at) values ('approved:new', 'new@example.org', 's', 't', ?)",
        [Date.now()],
      ),
    };

    const dropped = await m.housekeeping.dropOldPersonalData(cutoff);
    expect(dropped).toMatchObject({ addresses: expect.any(Number), reports: expect.any(Number), sanctions: 2, mail: 1 });

    for (const entry of AFTER_RETENTION) {
      const [table, column] = entry.split('.');
      const [row] = await rows(`select * from ${table} where rowid = ?`, [oldRows[table]]);
      if (column === '*') expect(row, entry).toBeUndefined();
      else expect(row[column] === null || String(row[column]).startsWith('expired:'), `${entry}: ${String(row[column])}`).toBe(true);
    }
    expect(await rows('select ip_hash from commenter_sanctions where rowid = ?', [ended])).toEqual([{ ip_hash: null }]);
    expect(await rows('select ip_hash, user_agent from replies where id = ?', [recent.reply])).toEqual([{ ip_hash: 'new-hash', user_agent: 'NewUA' }]);
    expect(await rows('select reporter_hash from reply_reports where id = ?', [recent.report])).toEqual([{ reporter_hash: 'new-reporter' }]);
    // A ban in force keeps its address, however old.
    expect(await rows('select ip_hash from commenter_sanctions where id = ?', [recent.ban])).toEqual([{ ip_hash: 'banned-hash' }]);
    expect(await rows('select id from mail_queue where id = ?', [recent.mail])).toHaveLength(1);
  });
});

describe('the scrub of reasons stored before masking (db/migrations/0006_scrub-personal-reasons.sql)', () => {
  it('masks stored emails and addresses, and clears what erasure used to leave', async () => {
    const reason = (r: object) => JSON.stringify(r);
    const add = (email: string, status: string, statusReason: object | null, parentId: number | null = null) =>
      insert("insert into replies (article_id, parent_id, author_name, author_email, body, status, status_reason) values (?, ?, 'N', ?, 'Words', ?, ?)", [
        articleId,
        parentId,
        email,
        status,
        statusReason ? reason(statusReason) : null,
      ]);
    const exact = await add('jane.doe@example.com', 'spam', {
      rule: 'disallowed-email',
      detail: 'The email matches the disallowed entry “jane.doe@example.com”.',
      match: 'Jane.Doe@Example.com',
      field: 'email',
    });
    const domain = await add('x@spam.example', 'spam', {
      rule: 'disallowed-email',
      detail: 'The email matches the disallowed entry “*@spam.example”.',
      match: 'x@spam.example',
      field: 'email',
    });
    const v4 = await add('four@example.org', 'spam', {
      rule: 'disallowed-ip',
      detail: 'The IP address matches the disallowed entry “198.51.100.23”.',
      match: '198.51.100.23',
      field: 'ip',
    });
    const v6 = await add('six@example.org', 'spam', {
      rule: 'disallowed-ip',
      detail: 'The IP address matches the disallowed entry “2001:db8::5”.',
      match: '2001:db8::5',
      field: 'ip',
    });
    const word = await add('word@example.org', 'pending', {
      rule: 'moderation-word',
      detail: 'Contains the moderation word “casino”.',
      match: 'casino',
      field: 'body',
    });
    const erased = await add('erased-0123456789abcdef@invalid', 'pending', {
      rule: 'moderation-word',
      detail: 'Contains the moderation word “Secretname” in the name.',
      match: 'Secretname',
      field: 'name',
    });
    const answer = await add('olive@example.org', 'approved', null, erased);
    for (const [id, action, note] of [
      [exact, 'rules:disallowed-email', 'The email matches the disallowed entry “jane.doe@example.com”.'],
      [v4, 'rules:disallowed-ip', 'The IP address matches the disallowed entry “198.51.100.23”.'],
      [word, 'rules:moderation-word', 'Contains the moderation word “casino”.'],
    ] as const) {
      await insert('insert into moderation_log (reply_id, action, note) values (?, ?, ?)', [id, action, note]);
    }
    await insert("insert into reply_reports (reply_id, reason, note, reporter_hash) values (?, 'abuse', 'Secretname is rude', 'r-1')", [erased]);
    for (const key of [`approved:${erased}`, `answer:${answer}`]) {
      await insert(
        "insert into mail_queue (dedupe_key, to_address, subject, text_body, next_attempt_at) values (?, 'someone@example.org', 'About Secretname', 't', ?)",
        [key, Date.now()],
      );
    }

    const sql = readFileSync(join(process.cwd(), 'db/migrations/0006_scrub-personal-reasons.sql'), 'utf8');
    for (const statement of sql.split('--> statement-breakpoint')) await client.execute(statement);

    const reasonOf = async (id: number) => JSON.parse(String((await rows('select status_reason from replies where id = ?', [id]))[0].status_reason));
    expect(await reasonOf(exact)).toEqual({ rule: 'disallowed-email', detail: 'The email (J***@Example.com) is on the disallowed list.', field: 'email' });
    expect(await reasonOf(domain)).toEqual({
      rule: 'disallowed-email',
      detail: 'The email (x***@spam.example) matches the disallowed entry “*@spam.example”.',
      field: 'email',
    });
    expect(await reasonOf(v4)).toEqual({ rule: 'disallowed-ip', detail: 'The IP address (198.51.100.*) matches a disallowed entry.', field: 'ip' });
    expect(await reasonOf(v6)).toEqual({ rule: 'disallowed-ip', detail: 'The IP address matches a disallowed entry.', field: 'ip' });
    expect(await reasonOf(word)).toEqual({ rule: 'moderation-word', detail: 'Contains the moderation word “casino”.', match: 'casino', field: 'body' });
    expect(await reasonOf(erased)).toEqual({ rule: 'moderation-word' });
    const notes = await rows('select reply_id, note from moderation_log where reply_id in (?, ?, ?) order by reply_id', [exact, v4, word]);
    expect(notes.map((n) => n.note)).toEqual([
      'The email (J***@Example.com) is on the disallowed list.',
      'The IP address (198.51.100.*) matches a disallowed entry.',
      'Contains the moderation word “casino”.',
    ]);
    // Nothing but the replies' own email column (the reply is still theirs) holds them any more.
    expect(
      (await leftovers(['jane.doe@', 'Jane.Doe@', '198.51.100.23', '2001:db8::5', 'Secretname'])).filter((v) => !v.startsWith('replies.author_email:')),
    ).toEqual([]);
  });
});
