import { createClient } from '@libsql/client';
import { expect, test } from './support/fixtures';
import { staffPage } from './support/staff';
import { TaxonomyPage } from './support/taxonomy-page';

// The sections and tags desk (/admin/sections): editors manage sections and tags, readers see the
// change at once, a section still in use cannot be deleted, a merge moves articles, authors get no access.

const E2E_DB = 'file:./data/e2e/broadsheet.db';
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

async function sql(statements: { sql: string; args?: (string | number)[] }[]) {
  const db = createClient({ url: E2E_DB, timeout: 5000 } as Parameters<typeof createClient>[0]);
  try {
    return await db.batch(
      statements.map((s) => ({ sql: s.sql, args: s.args ?? [] })),
      'write',
    );
  } finally {
    db.close();
  }
}

/** A published article by the demo editor, straight into the e2e database. */
async function insertPublishedArticle(title: string, slug: string, sectionId: number | null = null): Promise<number> {
  const [editor] = (await sql([{ sql: "select id from users where email = 'editor@example.com'" }]))[0].rows;
  const now = Date.now();
  const [inserted] = await sql([
    {
      sql: "insert into articles (slug, title, body, status, published_at, section_id, created_by_id, updated_at) values (?, ?, 'Body text.', 'published', ?, ?, ?, ?) returning id",
      args: [slug, title, now - 60_000, sectionId as number, Number(editor.id), now],
    },
  ]);
  const id = Number(inserted.rows[0].id);
  await sql([{ sql: 'insert into article_authors (article_id, user_id, position) values (?, ?, 0)', args: [id, Number(editor.id)] }]);
  return id;
}

test('an editor creates and renames a section; readers see it in the masthead and at its new address', async ({ browser }) => {
  const desk = new TaxonomyPage(await staffPage(browser, 'editor@example.com'));
  const id = uniq();
  const name = `Harbour Life ${id}`;
  const slug = `harbour-life-${id}`;
  await desk.goto();

  // A bad slug is refused beside the field and the typed values stay.
  await desk.newSectionName.fill(name);
  await desk.newSectionSlug.fill('Not A Slug!');
  await desk.createSectionButton.click();
  await expect(desk.newSectionSlug).toHaveAttribute('aria-invalid', 'true');
  await expect(await desk.messageOf(desk.newSectionSlug)).toContainText('lower-case letters');
  await expect(desk.newSectionName).toHaveValue(name);

  // A blank slug is made from the name.
  await desk.newSectionSlug.fill('');
  await desk.newSectionDescription.fill('Boats, tides and the people on the quay.');
  await desk.createSectionButton.click();
  await expect(desk.text(`Created the section ${name}`)).toBeVisible();
  await expect(desk.openDeleteSection(name)).toBeVisible();

  const reader = await browser.newPage();
  // A render already in flight during the change may be cached first; the server revalidates again shortly.
  await expect(async () => {
    await reader.goto('/');
    await expect(reader.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name })).toHaveAttribute('href', `/sections/${slug}`, {
      timeout: 1000,
    });
  }).toPass({ timeout: 10_000 });
  await reader.goto(`/sections/${slug}`);
  await expect(reader.getByRole('heading', { level: 1, name })).toBeVisible();

  const newName = `Quayside ${id}`;
  const newSlug = `quayside-${id}`;
  await desk.sectionName(name).fill(newName);
  await desk.sectionSlug(name).fill(newSlug);
  await desk.saveSectionButton(name).click();
  await expect(desk.saveSectionButton(newName)).toBeVisible();
  await expect(desk.sectionSlug(newName)).toHaveValue(newSlug);

  const nav = reader.getByRole('navigation', { name: 'Sections' });
  await expect(async () => {
    await reader.goto('/');
    await expect(nav.getByRole('link', { name: newName })).toHaveAttribute('href', `/sections/${newSlug}`, { timeout: 1000 });
    await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await reader.goto(`/sections/${newSlug}`);
  await expect(reader.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  // The old address answers a real 301, keeping the page of the list asked for.
  const moved = await reader.request.get(`/sections/${slug}?page=2`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(new URL(moved.headers()['location'], 'http://x').pathname + new URL(moved.headers()['location'], 'http://x').search).toBe(
    `/sections/${newSlug}?page=2`,
  );
  await reader.goto(`/sections/${slug}`);
  await expect(reader).toHaveURL(new RegExp(`/sections/${newSlug}$`));
});

test('an editor reorders sections and the masthead follows', async ({ browser }) => {
  const id = uniq();
  const first = { name: `Aft ${id}`, slug: `aft-${id}` };
  const second = { name: `Bow ${id}`, slug: `bow-${id}` };
  // Far above the demo sections, so no other test's sections sit between these two.
  await sql([
    { sql: "insert into sections (slug, name, description, position) values (?, ?, '', -500)", args: [first.slug, first.name] },
    { sql: "insert into sections (slug, name, description, position) values (?, ?, '', -499)", args: [second.slug, second.name] },
  ]);
  const navOrder = async (page: import('@playwright/test').Page) => {
    const names = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
    return [names.indexOf(first.name), names.indexOf(second.name)];
  };

  const desk = new TaxonomyPage(await staffPage(browser, 'editor@example.com'));
  await desk.goto();
  await desk.moveSectionUpButton(second.name).click();
  await expect(desk.text('Moved up.')).toBeVisible();

  const reader = await browser.newPage();
  await expect(async () => {
    await reader.goto('/');
    const [a, b] = await navOrder(reader);
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(a);
  }).toPass({ timeout: 10_000 });
  const [rows] = await sql([{ sql: 'select slug from sections where slug in (?, ?) order by position', args: [first.slug, second.slug] }]);
  expect(rows.rows.map((r) => r.slug)).toEqual([second.slug, first.slug]);
  await sql([{ sql: 'delete from sections where slug in (?, ?)', args: [first.slug, second.slug] }]);
});

test('a section that still has articles cannot be deleted', async ({ browser }) => {
  const id = uniq();
  const name = `Busy Desk ${id}`;
  const [section] = await sql([
    { sql: "insert into sections (slug, name, description, position) values (?, ?, '', 900) returning id", args: [`busy-desk-${id}`, name] },
  ]);
  const sectionId = Number(section.rows[0].id);
  await insertPublishedArticle(`Busy desk story ${id}`, `busy-desk-story-${id}`, sectionId);

  const desk = new TaxonomyPage(await staffPage(browser, 'editor@example.com'));
  await desk.goto();
  await desk.deleteSection(name);
  await expect(desk.text('This section still has 1 article.')).toBeVisible();
  const [still] = await sql([{ sql: 'select count(*) as n from sections where id = ?', args: [sectionId] }]);
  expect(Number(still.rows[0].n)).toBe(1);

  // An empty section can go.
  const emptyName = `Empty Desk ${id}`;
  await sql([{ sql: "insert into sections (slug, name, description, position) values (?, ?, '', 901)", args: [`empty-desk-${id}`, emptyName] }]);
  await desk.page.reload();
  await desk.deleteSection(emptyName);
  await expect(desk.openDeleteSection(emptyName)).toHaveCount(0);
});

test('merging tag A into tag B moves its articles; /tags/<a> answers 301 to /tags/<b>', async ({ browser }) => {
  const id = uniq();
  const a = { name: `Ferry A ${id}`, slug: `ferry-a-${id}` };
  const b = { name: `Ferry B ${id}`, slug: `ferry-b-${id}` };
  const title = `Ferry timetable changes ${id}`;
  const [tagA, tagB] = await sql([
    { sql: 'insert into tags (slug, name) values (?, ?) returning id', args: [a.slug, a.name] },
    { sql: 'insert into tags (slug, name) values (?, ?) returning id', args: [b.slug, b.name] },
  ]);
  const articleId = await insertPublishedArticle(title, `ferry-timetable-changes-${id}`);
  await sql([{ sql: 'insert into article_tags (article_id, tag_id) values (?, ?)', args: [articleId, Number(tagA.rows[0].id)] }]);

  // Readers load both tag pages first, so the merge must revalidate cached pages.
  const reader = await browser.newPage();
  await reader.goto(`/tags/${a.slug}`);
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.goto(`/tags/${b.slug}`);
  await expect(reader.getByRole('heading', { level: 1, name: b.name })).toBeVisible();
  await expect(reader.getByRole('link', { name: title })).toHaveCount(0);

  const desk = new TaxonomyPage(await staffPage(browser, 'editor@example.com'));
  await desk.goto();
  await desk.tagToMerge.fill(a.slug);
  await desk.mergeInto.fill(b.slug);
  await desk.mergeButton.click();
  await expect(desk.text(`Merged ${a.name} into ${b.name} (1 article moved).`)).toBeVisible();

  await reader.goto(`/tags/${b.slug}`);
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  // The merged-away address leads to the tag it became.
  const moved = await reader.request.get(`/tags/${a.slug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(new URL(moved.headers()['location'], 'http://x').pathname).toBe(`/tags/${b.slug}`);
  const [rows] = await sql([{ sql: 'select tag_id from article_tags where article_id = ?', args: [articleId] }]);
  expect(rows.rows.map((r) => Number(r.tag_id))).toEqual([Number(tagB.rows[0].id)]);
});

test('an author gets no access to the sections desk', async ({ browser }) => {
  const desk = new TaxonomyPage(await staffPage(browser, 'author@example.com'));
  // A page a role may not see answers 403 (DESIGN.md), not a redirect.
  const response = await desk.goto();
  expect(response?.status()).toBe(403);
  await expect(desk.page.getByRole('heading', { name: 'You are not allowed to see this page' })).toBeVisible();
  await expect(desk.page.locator('body')).not.toContainText('Create section');
});
