import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { footerLinks, PagesDesk } from './support/pages-desk';
import { staffPage } from './support/staff';
import { uniq } from './support/unique';

// The site's own pages (issue 17, part 5): editors write them in the admin, readers read them at the
// site root (/about), the footer links the ones an editor chose in the editor's order. A slug that
// would shadow one of the site's own addresses is refused; a draft is a 404; a stale save is refused
// without losing text; every form works without JavaScript; only editors and admins get in.

async function noJavaScriptCopy(browser: Browser, signedIn: Page): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
  return context.newPage();
}

/**
 * A reader page after a change. It is fresh at once, except when a render that started just before the
 * change (here the admin page prefetching "View on site") stores the old page after it; the server's
 * second pass (lib/revalidate/echo.ts, 1.5 s later) clears that, so the reader looks again for a while.
 */
async function freshly(reader: Page, check: () => Promise<void>, path?: string) {
  await expect(async () => {
    if (path) await reader.goto(path);
    else await reader.reload();
    await check();
  }).toPass({ timeout: 10_000, intervals: [500, 1000] });
}

/** The status a reader gets at this address, once any render in flight across a change has been cleared. */
async function freshStatus(reader: Page, path: string, status: number) {
  await expect(async () => expect((await reader.goto(path))?.status()).toBe(status)).toPass({ timeout: 10_000, intervals: [500, 1000] });
}

test('the demo pages are published at the site root and linked from the footer in order', async ({ newReader }) => {
  const { page } = await newReader();
  const response = await page.goto('/about');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'About' })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/about$/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /independent, reader-funded news site/);
  const links = await footerLinks(page);
  const at = ['About', 'Contact', 'Corrections policy', 'Ethics policy'].map((t) => links.indexOf(t));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  await page.getByRole('navigation', { name: 'About Broadsheet' }).getByRole('link', { name: 'Corrections policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Corrections policy' })).toBeVisible();
  // The site's own addresses still win over a page.
  await page.goto('/search?q=harbour');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/search/i);
});

test('an editor creates a draft (a 404 for readers), publishes it, puts it in the footer and orders it', async ({ browser, newReader }) => {
  test.setTimeout(90_000);
  const desk = new PagesDesk(await staffPage(browser, 'editor@example.com'));
  const id = uniq();
  const title = `Send us a tip ${id}`;
  const slug = `tips-${id}`;
  const pageId = await desk.create({ title, slug, body: `## How to reach us\n\nWrite to **tips@example.com** (${id}).` });
  await expect(desk.page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  // The preview renders the Markdown as readers will see it.
  await expect(desk.preview.getByRole('heading', { name: 'How to reach us' })).toBeVisible();

  const { page: reader } = await newReader();
  expect((await reader.goto(`/${slug}`))?.status()).toBe(404);

  await desk.button('Publish').click();
  await expect(desk.page.getByText('Published. Readers see it now.')).toBeVisible();
  await freshStatus(reader, `/${slug}`, 200);
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader).toHaveTitle(new RegExp(title));
  expect(await footerLinks(reader)).not.toContain(title);

  // Into the footer, at the end; one step up.
  await desk.page.goto('/admin/pages');
  await desk.footerButton('Add to footer', title).click();
  await expect(desk.page.getByText(`Added ${title} to the footer.`)).toBeVisible();
  await freshly(reader, async () => expect(await footerLinks(reader)).toContain(title));
  const before = await footerLinks(reader);
  await desk.footerButton('Move up', title).click();
  await expect(desk.page.getByText(`Moved ${title} in the footer.`)).toBeVisible();
  await freshly(reader, async () => expect((await footerLinks(reader)).indexOf(title)).toBeLessThan(before.indexOf(title)));
  await desk.footerButton('Remove from footer', title).click();
  await expect(desk.page.getByText(`Took ${title} out of the footer.`)).toBeVisible();
  await freshly(reader, async () => expect(await footerLinks(reader)).not.toContain(title));

  // Unpublishing answers 404 again at once.
  await desk.page.goto(`/admin/pages/${pageId}`);
  await desk.button('Unpublish').click();
  await expect(desk.page.getByText('Unpublished. Readers no longer see it.')).toBeVisible();
  await freshStatus(reader, `/${slug}`, 404);
});

test('a slug that would shadow one of the site’s own addresses is refused beside the field, keeping the text', async ({ browser }) => {
  const desk = new PagesDesk(await staffPage(browser, 'editor@example.com'));
  await desk.page.goto('/admin/pages/new');
  const title = `Search help ${uniq()}`;
  await desk.title.fill(title);
  await desk.slug.fill('search');
  await desk.body.fill('How to search the archive.');
  await desk.button('Save draft').click();
  await expect(desk.slug).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.slug).toHaveAttribute('aria-describedby', /page-slug-error/);
  await expect(desk.page.locator('#page-slug-error')).toContainText('/search belongs to the site itself');
  await expect(desk.title).toHaveValue(title);
  await expect(desk.body).toHaveValue('How to search the archive.');
  await expect(desk.page).toHaveURL(/\/admin\/pages\/new/);
});

test('a save based on an older version is refused without losing the text; "Save my version" then saves it', async ({ browser, newReader }) => {
  test.setTimeout(90_000);
  const id = uniq();
  const slug = `standards-${id}`;
  const first = new PagesDesk(await staffPage(browser, 'editor@example.com'));
  const pageId = await first.create({ title: `Standards ${id}`, slug, body: 'Our standards.' }, 'Publish');
  const second = new PagesDesk(await staffPage(browser, 'admin@example.com'));
  await second.page.goto(`/admin/pages/${pageId}`);

  await first.body.fill('Our standards, as the editor wrote them.');
  await first.button('Publish').click();
  await expect(first.page.getByText('Published. Readers see it now.')).toBeVisible();

  await second.body.fill('Our standards, as the admin wrote them.');
  await second.button('Publish').click();
  const alert = second.page.getByRole('alert').filter({ hasText: 'since you opened it' });
  await expect(alert).toContainText('Daniel Whitcombe changed this page at');
  await expect(second.body).toHaveValue('Our standards, as the admin wrote them.');
  const { page: reader } = await newReader();
  await freshly(reader, () => expect(reader.getByText('Our standards, as the editor wrote them.')).toBeVisible({ timeout: 500 }), `/${slug}`);

  await second.button('Save my version').click();
  await expect(second.page.getByText('Published. Readers see it now.')).toBeVisible();
  await expect(second.body).toHaveValue('Our standards, as the admin wrote them.');
  await freshly(reader, () => expect(reader.getByText('Our standards, as the admin wrote them.')).toBeVisible({ timeout: 500 }));

  // Every save kept a revision; restoring the first puts its text back as a new save.
  await second.page
    .getByRole('button', { name: /^Restore this revision/ })
    .last()
    .click();
  await expect(second.page.getByText('Revision restored')).toBeVisible();
  await expect(second.body).toHaveValue('Our standards.');
  await freshly(reader, () => expect(reader.getByText('Our standards.', { exact: true })).toBeVisible({ timeout: 500 }));
});

test('without JavaScript: the editor refuses and keeps the text, saves, publishes, and the footer and restore forms work', async ({ browser, newReader }) => {
  test.setTimeout(90_000);
  const desk = new PagesDesk(await noJavaScriptCopy(browser, await staffPage(browser, 'editor@example.com')));
  const id = uniq();
  const title = `Letters ${id}`;
  const slug = `letters-${id}`;
  await desk.page.goto('/admin/pages/new');
  await desk.slug.fill(slug);
  await desk.body.fill('Write to letters@example.com.');
  await desk.button('Save draft').click();
  await expect(desk.page.getByText('The page was not saved. Please correct the marked fields.')).toBeVisible();
  await expect(desk.title).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.slug).toHaveValue(slug);
  await expect(desk.body).toHaveValue('Write to letters@example.com.');

  await desk.title.fill(title);
  await desk.button('Publish').click();
  await expect(desk.page.getByText('Published. Readers see it now.')).toBeVisible();
  // The preview is rendered by the server too.
  await expect(desk.preview).toContainText('Write to letters@example.com.');
  const pageId = Number(/\/admin\/pages\/([0-9]+)/.exec(desk.page.url())![1]);

  await desk.body.fill('Write to letters@example.com, with your name.');
  await desk.button('Publish').click();
  await expect(desk.body).toHaveValue('Write to letters@example.com, with your name.');

  // A stale save without JavaScript: refused, the typed text and the difference shown.
  const stale = await desk.page.context().newPage();
  const staleDesk = new PagesDesk(stale);
  await stale.goto(`/admin/pages/${pageId}`);
  await desk.body.fill('Newer text.');
  await desk.button('Publish').click();
  await expect(desk.page.getByText('Published. Readers see it now.')).toBeVisible();
  await staleDesk.body.fill('Older tab text.');
  await staleDesk.button('Publish').click();
  await expect(stale.getByText(/changed this page at .* since you opened it/)).toBeVisible();
  await expect(staleDesk.body).toHaveValue('Older tab text.');
  await expect(staleDesk.button('Save my version')).toBeVisible();

  await desk.page.goto('/admin/pages');
  await desk.footerButton('Add to footer', title).click();
  await expect(desk.page.getByText(`Added ${title} to the footer.`)).toBeVisible();
  const { page: reader } = await newReader({ javaScript: false });
  await reader.goto('/');
  expect(await footerLinks(reader)).toContain(title);

  await desk.page.goto(`/admin/pages/${pageId}`);
  await desk.page
    .getByRole('button', { name: /^Restore this revision/ })
    .last()
    .click();
  await expect(desk.page.getByText('Revision restored')).toBeVisible();
  await expect(desk.body).toHaveValue('Write to letters@example.com.');

  await desk.page.getByText('Delete this page').click();
  await desk.page.getByRole('button', { name: 'Delete page' }).click();
  await expect(desk.page.getByText(`Deleted the page ${title}.`)).toBeVisible();
  expect((await reader.goto(`/${slug}`))?.status()).toBe(404);
  expect(await footerLinks(reader)).not.toContain(title);
});

test('authors and moderators get 403 on the pages desk and do not see it in the navigation', async ({ browser }) => {
  test.setTimeout(90_000);
  for (const email of ['author@example.com', 'moderator@example.com']) {
    const page = await staffPage(browser, email);
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Pages' })).toHaveCount(0);
    for (const path of ['/admin/pages', '/admin/pages/new', '/admin/pages/1']) {
      const response = await page.goto(path);
      expect(response?.status(), `${email} ${path}`).toBe(403);
      await expect(page.getByText('You are not allowed to see this page')).toBeVisible();
    }
  }
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Pages' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: 'Pages' })).toBeVisible();
  expect((await editor.goto('/admin/pages/999999999'))?.status()).toBe(404);
});

test('an imported page keeps its HTML: the editor shows it, the preview and the reader render it without a Markdown pass', async ({ browser, newReader }) => {
  const id = uniq();
  const slug = `imported-${id}`;
  // As the WordPress and Ghost imports store a page: body_format 'html'.
  const [row] = await queryRows<{ id: number }>(
    "insert into pages (slug, title, body, body_format, status, published_at, updated_at) values (?, ?, ?, 'html', 'published', ?, ?) returning id",
    [slug, `Imported ${id}`, '<table><tbody><tr><th>Editor</th><td>Margaret Okafor</td></tr></tbody></table><p>*not emphasis*</p>', Date.now(), Date.now()],
  );
  const desk = new PagesDesk(await staffPage(browser, 'editor@example.com'));
  await desk.page.goto(`/admin/pages/${row.id}`);
  await expect(desk.body).toHaveValue(/^<table><tbody><tr><th>Editor<\/th>/);
  await expect(desk.page.getByText('This page was imported as HTML')).toBeVisible();
  await expect(desk.preview.locator('table th')).toHaveText('Editor');
  await expect(desk.preview.getByText('*not emphasis*')).toBeVisible();
  const { page: reader } = await newReader();
  await reader.goto(`/${slug}`);
  await expect(reader.locator('main table td')).toHaveText('Margaret Okafor');
  await expect(reader.getByText('*not emphasis*')).toBeVisible();
});
