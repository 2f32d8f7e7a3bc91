import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// Review requests queued for the publishers, against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('review-requests', () => ({ SMTP_URL: 'smtp://127.0.0.1:9', SITE_URL: 'https://news.example' }));

let m: {
  db: typeof import('../index');
  schema: typeof import('../schema');
  reviews: typeof import('./review-requests');
  mail: typeof import('./mail');
};
const ids: Record<string, number> = {};

beforeAll(async () => {
  m = { db: await testDb.open(), schema: await import('../schema'), reviews: await import('./review-requests'), mail: await import('./mail') };
  const staff = [
    { key: 'admin', role: 'admin', passwordHash: 'x' },
    { key: 'editor', role: 'editor', passwordHash: 'x' },
    { key: 'disabledEditor', role: 'editor', passwordHash: 'x', disabled: true },
    { key: 'importedEditor', role: 'editor', passwordHash: null },
    { key: 'author', role: 'author', passwordHash: 'x' },
    { key: 'coAuthor', role: 'author', passwordHash: 'x' },
    { key: 'moderator', role: 'moderator', passwordHash: 'x' },
  ] as const;
  for (const s of staff) {
    const [u] = await m.db.db
      .insert(m.schema.users)
      .values({
        email: `${s.key.toLowerCase()}@example.com`,
        name: `${s.key[0].toUpperCase()}${s.key.slice(1)} Person`,
        slug: s.key.toLowerCase(),
        role: s.role,
        passwordHash: s.passwordHash,
        disabled: 'disabled' in s ? s.disabled : false,
      })
      .returning();
    ids[s.key] = u.id;
  }
});

afterAll(() => {
  testDb.close();
});

async function article(status: 'draft' | 'review', authors: number[]) {
  const [a] = await m.db.db
    .insert(m.schema.articles)
    .values({ slug: `piece-${Math.random().toString(36).slice(2)}`, title: 'Harbour wall gives way', status, createdById: authors[0], updatedAt: new Date() })
    .returning();
  await m.db.db.insert(m.schema.articleAuthors).values(authors.map((userId, position) => ({ articleId: a.id, userId, position })));
  await revision(a.id, authors[0]);
  return a.id;
}

const revision = (articleId: number, by: number) =>
  m.db.db.insert(m.schema.revisions).values({ articleId, title: 'Harbour wall gives way', standfirst: '', body: 'Text.', createdById: by });

const queuedFor = async (articleId: number) =>
  (await m.db.db.select().from(m.schema.mailQueue))
    .filter((row) => row.dedupeKey.startsWith(`review:${articleId}:`))
    .sort((a, b) => a.toAddress.localeCompare(b.toAddress));

describe('queueReviewRequestMail', () => {
  it('mails every editor and admin who can publish, naming the article, its author and its editor address', async () => {
    const id = await article('review', [ids.author, ids.coAuthor]);
    expect(await m.reviews.queueReviewRequestMail(id, ids.author)).toBe(2);
    const rows = await queuedFor(id);
    // Not the disabled editor, nor one who cannot sign in, nor the moderator or the authors.
    expect(rows.map((r) => r.toAddress)).toEqual(['admin@example.com', 'editor@example.com']);
    const [toAdmin] = rows;
    expect(toAdmin.subject).toBe('Review requested: “Harbour wall gives way”');
    expect(toAdmin.textBody).toContain('Hello Admin Person,');
    expect(toAdmin.textBody).toContain('Author Person submitted “Harbour wall gives way” for review.');
    expect(toAdmin.textBody).toContain('Byline: Author Person and CoAuthor Person');
    expect(toAdmin.textBody).toContain(`https://news.example/admin/articles/${id}`);
    expect(toAdmin.sentAt).toBeNull();
  });

  it('mails once per submission: the same one again is ignored, a later one after changes mails again', async () => {
    const id = await article('review', [ids.author]);
    expect(await m.reviews.queueReviewRequestMail(id, ids.author)).toBe(2);
    expect(await m.reviews.queueReviewRequestMail(id, ids.author)).toBe(0);
    const [first] = await queuedFor(id);
    // A sole author who submitted it: no separate byline line.
    expect(first.textBody).not.toContain('Byline:');
    await revision(id, ids.author);
    expect(await m.reviews.queueReviewRequestMail(id, ids.author)).toBe(2);
    expect(await queuedFor(id)).toHaveLength(4);
  });

  it('never mails the one who submitted it, and nothing for an article not in review or not there', async () => {
    const byEditor = await article('review', [ids.editor]);
    expect(await m.reviews.queueReviewRequestMail(byEditor, ids.editor)).toBe(1);
    expect((await queuedFor(byEditor)).map((r) => r.toAddress)).toEqual(['admin@example.com']);

    const draft = await article('draft', [ids.author]);
    expect(await m.reviews.queueReviewRequestMail(draft, ids.author)).toBe(0);
    expect(await m.reviews.queueReviewRequestMail(999_999, ids.author)).toBe(0);
  });

  it('skips a publisher who opted out of mail', async () => {
    await m.mail.optOutOfMail('editor@example.com');
    try {
      const id = await article('review', [ids.author]);
      expect(await m.reviews.queueReviewRequestMail(id, ids.author)).toBe(1);
      expect((await queuedFor(id)).map((r) => r.toAddress)).toEqual(['admin@example.com']);
    } finally {
      await m.mail.optBackInToMail('editor@example.com');
    }
  });
});
