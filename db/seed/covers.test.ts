import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { renderCoverImage } from './covers';
import { DEMO_PASSWORD } from '@/lib/auth/demo';
import { demoArticles, demoAuthors, demoDiscussion, demoSections, type DemoReply } from './content';

const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’£]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('renderCoverImage', () => {
  const sample = demoArticles[0];
  const opts = { title: sample.title, palette: sample.cover.palette, motif: sample.cover.motif };

  it('renders a 1600×900 WebP by default', async () => {
    const buf = await renderCoverImage(opts);
    const meta = await sharp(buf).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(1600);
    expect(meta.height).toBe(900);
  });

  it('honours a custom size', async () => {
    const buf = await renderCoverImage({ ...opts, width: 640, height: 360 });
    const meta = await sharp(buf).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([640, 360]);
  });

  it('is deterministic for a title, and differs between titles', async () => {
    const a = await renderCoverImage(opts);
    const b = await renderCoverImage(opts);
    expect(Buffer.compare(a, b)).toBe(0);
    const c = await renderCoverImage({ ...opts, title: `${opts.title} (again)` });
    expect(Buffer.compare(a, c)).not.toBe(0);
  });

  it('keeps every demo cover under 120 KB', { timeout: 30_000 }, async () => {
    for (const article of demoArticles) {
      const buf = await renderCoverImage({ title: article.title, palette: article.cover.palette, motif: article.cover.motif });
      expect(buf.length, article.slug).toBeLessThan(120 * 1024);
    }
  });
});

describe('demo content', () => {
  const sectionSlugs = new Set(demoSections.map((s) => s.slug));
  const authorSlugs = new Set(demoAuthors.map((a) => a.slug));

  it('has the five sections', () => {
    expect([...sectionSlugs].sort()).toEqual(['business', 'culture', 'news', 'politics', 'sport']);
  });

  it('has the four demo accounts with their roles, and two more authors', () => {
    const byEmail = new Map(demoAuthors.map((a) => [a.email, a]));
    expect(byEmail.get('admin@example.com')?.role).toBe('admin');
    expect(byEmail.get('editor@example.com')?.role).toBe('editor');
    expect(byEmail.get('author@example.com')?.role).toBe('author');
    expect(byEmail.get('moderator@example.com')?.role).toBe('moderator');
    expect(demoAuthors).toHaveLength(6);
    expect(demoAuthors.filter((a) => a.role === 'author')).toHaveLength(3);
    expect(new Set(demoAuthors.map((a) => a.email)).size).toBe(demoAuthors.length);
    expect(authorSlugs.size).toBe(demoAuthors.length);
    for (const a of demoAuthors) {
      expect(a.email).toMatch(/@example\.com$/);
      expect(a.slug).toBe(slugify(a.name));
      expect(a.name.toLowerCase()).not.toContain('editor');
      expect(a.bio.length).toBeGreaterThan(20);
    }
    expect(DEMO_PASSWORD).toBe('broadsheet-demo');
  });

  it('has enough articles, with unique slugs derived from titles', () => {
    expect(demoArticles.length).toBeGreaterThanOrEqual(12);
    const slugs = demoArticles.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const a of demoArticles) {
      expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(a.slug).toBe(slugify(a.title));
    }
  });

  it('references sections and authors that exist, across enough of them', () => {
    for (const a of demoArticles) {
      expect(sectionSlugs.has(a.section), a.slug).toBe(true);
      expect(a.authors.length).toBeGreaterThanOrEqual(1);
      expect(a.authors.length).toBeLessThanOrEqual(2);
      for (const s of a.authors) expect(authorSlugs.has(s), `${a.slug}: ${s}`).toBe(true);
    }
    expect(new Set(demoArticles.map((a) => a.section)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(demoArticles.flatMap((a) => a.authors)).size).toBeGreaterThanOrEqual(3);
  });

  it('has well-formed articles: bodies, tags, times, covers', () => {
    const tagCounts = new Map<string, number>();
    for (const a of demoArticles) {
      const n = words(a.body);
      expect(n, a.slug).toBeGreaterThanOrEqual(350);
      expect(n, a.slug).toBeLessThanOrEqual(900);
      expect(a.tags.length, a.slug).toBeGreaterThanOrEqual(2);
      expect(a.tags.length, a.slug).toBeLessThanOrEqual(4);
      for (const t of a.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
      expect(a.hoursAgo).toBeGreaterThan(0);
      if (a.updatedHoursAgo !== undefined) expect(a.updatedHoursAgo).toBeLessThan(a.hoursAgo);
      for (const c of a.corrections ?? []) expect(c.hoursAgo).toBeLessThan(a.hoursAgo);
      expect(a.cover.alt.length).toBeGreaterThan(10);
      expect(a.cover.caption.length).toBeGreaterThan(10);
      for (const colour of a.cover.palette) expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(a.body).not.toContain('${');
    }
    expect(tagCounts.size).toBeGreaterThanOrEqual(10);
    expect(tagCounts.size).toBeLessThanOrEqual(14);
    expect([...tagCounts.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(8);
    const hours = demoArticles.map((a) => a.hoursAgo);
    expect(Math.min(...hours)).toBeLessThanOrEqual(3);
    expect(Math.max(...hours)).toBeGreaterThanOrEqual(24 * 14);
    expect(demoArticles.filter((a) => a.commentsOpen === false)).toHaveLength(1);
    expect(demoArticles.some((a) => (a.corrections ?? []).length > 0)).toBe(true);
  });

  describe('discussion', () => {
    const replies = demoDiscussion.replies;
    const article = demoArticles.find((a) => a.slug === demoDiscussion.article);
    const byKey = new Map<string, DemoReply>(replies.map((r) => [r.key, r]));
    const depth = (r: DemoReply): number => (r.parent ? 1 + depth(byKey.get(r.parent)!) : 1);

    it('is on a recent article that is not the newest, with comments open', () => {
      expect(article).toBeDefined();
      const newest = Math.min(...demoArticles.map((a) => a.hoursAgo));
      expect(article!.hoursAgo).toBeGreaterThan(newest);
      expect(article!.commentsOpen).not.toBe(false);
    });

    it('has unique keys; parents exist, come earlier and are older', () => {
      expect(byKey.size).toBe(replies.length);
      replies.forEach((r, i) => {
        if (!r.parent) return;
        const parentIndex = replies.findIndex((p) => p.key === r.parent);
        expect(parentIndex, r.key).toBeGreaterThanOrEqual(0);
        expect(parentIndex, r.key).toBeLessThan(i);
        expect(replies[parentIndex].status, r.key).toBe('approved');
        expect(r.minutesAfterPublish, r.key).toBeGreaterThan(replies[parentIndex].minutesAfterPublish);
      });
    });

    it('keeps depth within 3 and uses all three levels', () => {
      const depths = replies.map(depth);
      expect(Math.max(...depths)).toBe(3);
      expect(new Set(depths)).toEqual(new Set([1, 2, 3]));
    });

    it('has increasing times, all before seeding', () => {
      for (let i = 1; i < replies.length; i++) {
        expect(replies[i].minutesAfterPublish, replies[i].key).toBeGreaterThan(replies[i - 1].minutesAfterPublish);
      }
      expect(replies[replies.length - 1].minutesAfterPublish).toBeLessThan(article!.hoursAgo * 60);
    });

    it('has at least 40 approved replies from many commenters', () => {
      const ok = replies.filter((r) => r.status === 'approved');
      expect(ok.length).toBeGreaterThanOrEqual(40);
      expect(new Set(ok.map((r) => r.email)).size).toBeGreaterThanOrEqual(12);
      // One commenter, one name.
      const names = new Map<string, string>();
      for (const r of replies) {
        expect(names.get(r.email) ?? r.name, r.key).toBe(r.name);
        names.set(r.email, r.name);
      }
      expect(ok.some((r) => r.body.includes('\n\n'))).toBe(true);
      expect(ok.some((r) => /https?:\/\/\S+/.test(r.body))).toBe(true);
      for (const r of ok) expect(r.body).not.toMatch(/PENDING-DEMO|SPAM-DEMO|TRASH-DEMO/);
    });

    it('marks held, spam and trash replies so tests can assert their absence', () => {
      const pending = replies.filter((r) => r.status === 'pending');
      const spam = replies.filter((r) => r.status === 'spam');
      const trash = replies.filter((r) => r.status === 'trash');
      expect(pending).toHaveLength(3);
      expect(spam).toHaveLength(3);
      expect(trash).toHaveLength(1);
      for (const r of pending) expect(r.body).toContain('PENDING-DEMO');
      for (const r of spam) {
        expect(r.body).toContain('SPAM-DEMO');
        expect(r.body).toMatch(/https?:\/\//);
      }
      expect(trash[0].body).toContain('TRASH-DEMO');
      expect(pending.filter((r) => r.parent)).toHaveLength(1);
    });
  });
});
