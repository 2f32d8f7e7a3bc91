import { hash } from '@node-rs/argon2';
import { expect, test } from './support/fixtures';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { callAction, callActionWithArgs, requestAs, ROLES, type Role } from './support/actions';
import { queryRows as query } from './support/db';
import { ARTICLE_ACTIONS, articleFields } from './support/newsroom';
import { E2E_DATA_DIR } from './support/paths';
import { SignInPage } from './support/staff-admin-page';
import { uniq, uniqueAddress } from './support/unique';

// Every staff server action and admin page, called directly (never through the UI) as each role.
// Actions are posted the way a browser without JavaScript posts them, using the ids of the build.

const STAFF_ACTIONS = 'app/admin/users/actions.ts';
const TAXONOMY_ACTIONS = 'app/admin/sections/actions.ts';
const PROFILE_ACTIONS = 'app/admin/profile/actions.ts';

const expected: Record<string, Record<Role, boolean>> = {
  createDraft: { anonymous: false, author: true, moderator: false, editor: true, admin: true },
  publish: { anonymous: false, author: false, moderator: false, editor: true, admin: true },
  createStaff: { anonymous: false, author: false, moderator: false, editor: false, admin: true },
  taxonomy: { anonymous: false, author: false, moderator: false, editor: true, admin: true },
  upload: { anonymous: false, author: true, moderator: false, editor: true, admin: true },
  preview: { anonymous: false, author: true, moderator: false, editor: true, admin: true },
};

for (const role of ROLES) {
  test(`server actions called directly as ${role} are allowed or refused by the roles table`, async ({ browser }) => {
    const request = await requestAs(browser, role);

    const draftTitle = `Direct draft by ${role} ${uniq()}`;
    await callAction(request, '/admin/articles/new', ARTICLE_ACTIONS, 'saveArticleAction', articleFields(draftTitle, 'save'), true);
    const drafts = await query('select status from articles where title = ?', [draftTitle]);
    expect(drafts.length, `${role} creating a draft`).toBe(expected.createDraft[role] ? 1 : 0);

    const liveTitle = `Direct publish by ${role} ${uniq()}`;
    await callAction(request, '/admin/articles/new', ARTICLE_ACTIONS, 'saveArticleAction', articleFields(liveTitle, 'publish'), true);
    const live = await query<{ status: string }>('select status from articles where title = ?', [liveTitle]);
    expect(
      live.some((a) => a.status === 'published'),
      `${role} publishing`,
    ).toBe(expected.publish[role]);

    const email = `direct-${role}-${uniq()}@example.com`;
    await callAction(
      request,
      '/admin/users',
      STAFF_ACTIONS,
      'createStaffAction',
      { email, name: 'Direct Person', role: 'admin', password: 'a-long-password-1' },
      true,
    );
    const created = await query('select id from users where email = ?', [email]);
    expect(created.length, `${role} creating a staff account`).toBe(expected.createStaff[role] ? 1 : 0);

    // Sections and tags.
    const sectionSlug = `direct-${role}-${uniq()}`;
    await callAction(request, '/admin/sections', TAXONOMY_ACTIONS, 'createSectionAction', { name: 'Direct section', slug: sectionSlug, description: '' }, true);
    expect((await query('select id from sections where slug = ?', [sectionSlug])).length, `${role} creating a section`).toBe(expected.taxonomy[role] ? 1 : 0);
    const tagSlug = `direct-tag-${role}-${uniq()}`;
    await callAction(request, '/admin/sections', TAXONOMY_ACTIONS, 'createTagAction', { name: 'Direct tag', slug: tagSlug }, true);
    expect((await query('select id from tags where slug = ?', [tagSlug])).length, `${role} creating a tag`).toBe(expected.taxonomy[role] ? 1 : 0);

    const [spare] = await query<{ id: number }>("insert into sections (slug, name) values (?, 'Spare') returning id", [`spare-${uniq()}`]);
    const fromSlug = `from-${uniq()}`;
    await query("insert into tags (slug, name) values (?, 'From')", [fromSlug]);
    const [into] = await query<{ slug: string }>("insert into tags (slug, name) values (?, 'Into') returning slug", [`into-${uniq()}`]);
    await callAction(request, '/admin/sections', TAXONOMY_ACTIONS, 'deleteSectionAction', { id: String(spare.id) }, true);
    expect((await query('select id from sections where id = ?', [Number(spare.id)])).length, `${role} deleting a section`).toBe(
      expected.taxonomy[role] ? 0 : 1,
    );
    await callAction(request, '/admin/sections', TAXONOMY_ACTIONS, 'mergeTagsAction', { from: fromSlug, into: into.slug }, true);
    expect((await query('select id from tags where slug = ?', [fromSlug])).length, `${role} merging tags`).toBe(expected.taxonomy[role] ? 0 : 1);

    // Renaming and deleting a tag of our own.
    const tagToEdit = `edit-${role}-${uniq()}`;
    const [edited] = await query<{ id: number }>("insert into tags (slug, name) values (?, 'Edit me') returning id", [tagToEdit]);
    await callAction(
      request,
      '/admin/sections',
      TAXONOMY_ACTIONS,
      'updateTagAction',
      { id: String(edited.id), name: 'Edited', slug: `${tagToEdit}-renamed` },
      true,
    );
    expect((await query('select id from tags where slug = ?', [`${tagToEdit}-renamed`])).length, `${role} renaming a tag`).toBe(
      expected.taxonomy[role] ? 1 : 0,
    );
    await callAction(request, '/admin/sections', TAXONOMY_ACTIONS, 'deleteTagAction', { id: String(edited.id) }, true);
    expect((await query('select id from tags where id = ?', [edited.id])).length, `${role} deleting a tag`).toBe(expected.taxonomy[role] ? 0 : 1);

    // Reordering sections: two at the very top, unique to this role, then the second moves up.
    const base = -2000 - ROLES.indexOf(role) * 10;
    const pair = [`order-a-${role}-${uniq()}`, `order-b-${role}-${uniq()}`];
    await query("insert into sections (slug, name, position) values (?, 'Order A', ?), (?, 'Order B', ?)", [pair[0], base, pair[1], base + 1]);
    const [second] = await query<{ id: number }>('select id from sections where slug = ?', [pair[1]]);
    await callAction(request, '/admin/sections', TAXONOMY_ACTIONS, 'moveSectionAction', { id: String(second.id), direction: 'up' }, true);
    const order = (await query<{ slug: string }>('select slug from sections where slug in (?, ?) order by position, name', pair)).map((r) => r.slug);
    expect(order, `${role} reordering sections`).toEqual(expected.taxonomy[role] ? [pair[1], pair[0]] : pair);
    await query('delete from sections where slug in (?, ?)', pair);

    // The editor's live preview renders through the public renderer, for those who write.
    const marker = `preview-${uniq()}`;
    const previewed = await callActionWithArgs(request, '/admin/articles/new', ARTICLE_ACTIONS, 'previewMarkdownAction', [`Some **${marker}** text.`]);
    expect(previewed.includes(`<strong>${marker}</strong>`), `${role} previewing Markdown`).toBe(expected.preview[role]);

    // Uploads: an image for the body.
    // A size nobody else uploads, so parallel tests' uploads cannot be mistaken for this one.
    const size = { width: 41 + ROLES.indexOf(role), height: 100 + Math.floor(Math.random() * 900) };
    const png = await (
      await import('sharp')
    )
      .default({ create: { ...size, channels: 3, background: '#888888' } })
      .png()
      .toBuffer();
    await callAction(
      request,
      '/admin/articles/new',
      ARTICLE_ACTIONS,
      'uploadInlineImageAction',
      { image: { name: 'x.png', mimeType: 'image/png', buffer: png }, alt: 'A grey square' },
      false,
    );
    const stored = await query('select id from media where width = ? and height = ?', [size.width, size.height]);
    expect(stored.length > 0, `${role} uploading an image`).toBe(expected.upload[role]);

    // A profile: only one's own, and only when signed in. Staff re-save their own name and bio
    // unchanged (other tests rely on them); the account's updated_at shows whose row was written.
    if (role === 'anonymous') {
      const bio = `Direct bio by an anonymous caller ${uniq()}`;
      await callAction(request, '/admin/profile', PROFILE_ACTIONS, 'updateProfileAction', { name: 'Anybody', bio, currentPassword: '', newPassword: '' }, true);
      expect(await query('select id from users where bio = ?', [bio])).toEqual([]);
    } else {
      const [me] = await query<{ name: string; bio: string; updated_at: number | null }>('select name, bio, updated_at from users where email = ?', [
        `${role}@example.com`,
      ]);
      await callAction(
        request,
        '/admin/profile',
        PROFILE_ACTIONS,
        'updateProfileAction',
        { name: me.name, bio: me.bio, currentPassword: '', newPassword: '' },
        true,
      );
      const [after] = await query<{ updated_at: number | null }>('select updated_at from users where email = ?', [`${role}@example.com`]);
      expect(Number(after.updated_at ?? 0), `${role} saving their own profile`).toBeGreaterThan(Number(me.updated_at ?? 0));
    }
  });
}

test('an author cannot edit, publish or restore another author’s article by calling the actions directly', async ({ browser }) => {
  const [other] = await query<{ id: number }>("select id from users where email = 'editor@example.com'");
  const title = `Someone else's draft ${uniq()}`;
  const [inserted] = await query<{ id: number }>(
    "insert into articles (slug, title, body, status, created_by_id, updated_at) values (?, ?, 'Original words.', 'draft', ?, ?) returning id",
    [`someone-elses-draft-${uniq()}`, title, other.id, Date.now()],
  );
  const articleId = Number(inserted.id);
  await query('insert into article_authors (article_id, user_id, position) values (?, ?, 0)', [articleId, other.id]);
  const [revision] = await query<{ id: number }>(
    "insert into revisions (article_id, title, standfirst, body, meta, created_by_id) values (?, ?, '', 'Older words.', '{}', ?) returning id",
    [articleId, title, other.id],
  );

  const author = await requestAs(browser, 'author');
  await callAction(
    author,
    `/admin/articles/${articleId}`,
    ARTICLE_ACTIONS,
    'saveArticleAction',
    articleFields('Hijacked', 'save', String(articleId), { body: 'Changed by the author.' }),
    true,
  );
  await callAction(author, `/admin/articles/${articleId}`, ARTICLE_ACTIONS, 'saveArticleAction', articleFields(title, 'publish', String(articleId)), true);
  const restore = await callAction(
    author,
    `/admin/articles/${articleId}/revisions/${revision.id}`,
    ARTICLE_ACTIONS,
    'restoreRevisionAction',
    { articleId: String(articleId), revisionId: String(revision.id) },
    false,
  );
  // A refused plain form goes back to its page with the reason.
  const back = new URL(restore.headers()['location'] ?? '/', 'http://site');
  expect(back.pathname).toBe(`/admin/articles/${articleId}/revisions/${revision.id}`);
  expect(back.searchParams.get('error')).toBe('You do not have permission to do that.');
  const [after] = await query<{ title: string; body: string; status: string }>('select title, body, status from articles where id = ?', [articleId]);
  expect(after).toEqual({ title, body: 'Original words.', status: 'draft' });

  const moderator = await requestAs(browser, 'moderator');
  await callAction(moderator, `/admin/articles/${articleId}`, ARTICLE_ACTIONS, 'saveArticleAction', articleFields(title, 'publish', String(articleId)), true);
  const [still] = await query<{ status: string }>('select status from articles where id = ?', [articleId]);
  expect(still.status).toBe('draft');
});

test('a refused digest switch goes back to the profile page, which shows why', async ({ browser }) => {
  const author = await requestAs(browser, 'author');
  const response = await callAction(author, '/admin/profile', PROFILE_ACTIONS, 'setDigestAction', { digest: 'on' }, false);
  const back = new URL(response.headers()['location'] ?? '/', 'http://site');
  expect(back.pathname).toBe('/admin/profile');
  expect(back.searchParams.get('error')).toBe('You do not have permission to do that.');
  const page = await (await author.get(back.pathname + back.search)).text();
  expect(page).toMatch(/<p role="alert"[^>]*>You do not have permission to do that.<\/p>/);
});

test('staff accounts can be changed only by an admin, called directly', async ({ browser }) => {
  const email = `target-${uniq()}@example.com`;
  const [row] = await query<{ id: number }>("insert into users (email, name, slug, role) values (?, 'Target Person', ?, 'author') returning id", [
    email,
    `target-${uniq()}`,
  ]);
  const id = String(row.id);
  for (const role of ['anonymous', 'author', 'moderator', 'editor'] as Role[]) {
    const request = await requestAs(browser, role);
    await callAction(request, '/admin/users', STAFF_ACTIONS, 'updateStaffAction', { id, role: 'admin', disabled: 'true' }, true);
    const [user] = await query<{ role: string; disabled: number }>('select role, disabled from users where id = ?', [id]);
    expect(user, `${role} changing a staff account`).toEqual({ role: 'author', disabled: 0 });
  }
  const admin = await requestAs(browser, 'admin');
  await callAction(admin, '/admin/users', STAFF_ACTIONS, 'updateStaffAction', { id, role: 'moderator' }, true);
  const [changed] = await query<{ role: string }>('select role from users where id = ?', [id]);
  expect(changed.role).toBe('moderator');
});

test('admin pages answer each role by the roles table', async ({ browser }) => {
  const pages: { path: string; marker: string; allowed: Role[] }[] = [
    { path: '/admin', marker: 'Newsroom', allowed: ['author', 'moderator', 'editor', 'admin'] },
    { path: '/admin/articles', marker: 'New article', allowed: ['author', 'editor', 'admin'] },
    { path: '/admin/articles/new', marker: 'Save draft', allowed: ['author', 'editor', 'admin'] },
    { path: '/admin/users', marker: 'Add a staff member', allowed: ['admin'] },
  ];
  for (const role of ROLES) {
    const request = await requestAs(browser, role);
    for (const p of pages) {
      const response = await request.get(p.path, { maxRedirects: 0 });
      const body = response.status() === 200 ? await response.text() : '';
      expect(body.includes(p.marker), `${role} at ${p.path}`).toBe(p.allowed.includes(role));
    }
  }
});

test('every admin page answers every role with a real status: 200, 403 with the “not allowed” page, or 404', async ({ browser }) => {
  // Every admin page times every role: it grows with each new page, and a shared machine is slow.
  test.setTimeout(120_000);
  const [editor] = await query<{ id: number }>("select id from users where email = 'editor@example.com'");
  const [author] = await query<{ id: number }>("select id from users where email = 'author@example.com'");
  const draft = async (by: number) => {
    const [row] = await query<{ id: number }>(
      "insert into articles (slug, title, body, status, created_by_id, updated_at) values (?, 'Status check', 'Words.', 'draft', ?, ?) returning id",
      [`status-check-${uniq()}`, by, Date.now()],
    );
    await query('insert into article_authors (article_id, user_id, position) values (?, ?, 0)', [row.id, by]);
    const [revision] = await query<{ id: number }>(
      "insert into revisions (article_id, title, standfirst, body, meta, created_by_id) values (?, 'Status check', '', 'Older.', '{}', ?) returning id",
      [row.id, by],
    );
    return { id: Number(row.id), revision: Number(revision.id) };
  };
  const editors = await draft(editor.id);
  const authors = await draft(author.id);

  type Expect = Record<Exclude<Role, 'anonymous'>, 200 | 403 | 404>;
  const all = (status: 200 | 403 | 404): Expect => ({ author: status, moderator: status, editor: status, admin: status });
  const writers = (other: 403 | 404 = 403): Expect => ({ author: 200, moderator: other, editor: 200, admin: 200 });
  // Every page.tsx under app/admin (lib/auth/admin-pages.test.ts keeps the list of them complete).
  const pages: [string, Expect][] = [
    ['/admin', all(200)],
    ['/admin/profile', all(200)],
    ['/admin/articles', writers()],
    ['/admin/articles/new', writers()],
    [`/admin/articles/${authors.id}`, writers()],
    [`/admin/articles/${editors.id}`, { author: 403, moderator: 403, editor: 200, admin: 200 }],
    [`/admin/articles/${authors.id}/revisions/${authors.revision}`, writers()],
    [`/admin/articles/${editors.id}/revisions/${editors.revision}`, { author: 403, moderator: 403, editor: 200, admin: 200 }],
    ['/admin/articles/999999999', { author: 404, moderator: 403, editor: 404, admin: 404 }],
    ['/admin/articles/not-a-number', { author: 404, moderator: 403, editor: 404, admin: 404 }],
    [`/admin/articles/${editors.id}/revisions/999999999`, { author: 404, moderator: 403, editor: 404, admin: 404 }],
    [`/admin/articles/${authors.id}/revisions/compare?from=${authors.revision}&to=${authors.revision}`, writers()],
    [
      `/admin/articles/${editors.id}/revisions/compare?from=${editors.revision}&to=${editors.revision}`,
      { author: 403, moderator: 403, editor: 200, admin: 200 },
    ],
    // Another article's revision, or no pair: no such page.
    [
      `/admin/articles/${editors.id}/revisions/compare?from=${editors.revision}&to=${authors.revision}`,
      { author: 404, moderator: 403, editor: 404, admin: 404 },
    ],
    [`/admin/articles/${editors.id}/revisions/compare`, { author: 404, moderator: 403, editor: 404, admin: 404 }],
    ['/admin/comments', { author: 403, moderator: 200, editor: 200, admin: 200 }],
    ['/admin/comments/commenter?email=someone%40example.com', { author: 403, moderator: 200, editor: 200, admin: 200 }],
    ['/admin/sections', { author: 403, moderator: 403, editor: 200, admin: 200 }],
    ['/admin/front', { author: 403, moderator: 403, editor: 200, admin: 200 }],
    ['/admin/settings', { author: 403, moderator: 403, editor: 403, admin: 200 }],
    ['/admin/system', { author: 403, moderator: 403, editor: 403, admin: 200 }],
    ['/admin/users', { author: 403, moderator: 403, editor: 403, admin: 200 }],
  ];
  for (const role of ROLES) {
    // Plain requests: no JavaScript runs, so the status and the HTML are all there is.
    const request = await requestAs(browser, role);
    for (const [path, expectedByRole] of pages) {
      const response = await request.get(path, { maxRedirects: 0 });
      if (role === 'anonymous') {
        expect(response.status(), `anonymous at ${path}`).toBe(307);
        expect(response.headers()['location'], `anonymous at ${path}`).toContain('/login?callbackUrl=');
        continue;
      }
      const expected = expectedByRole[role];
      expect(response.status(), `${role} at ${path}`).toBe(expected);
      const body = await response.text();
      if (expected === 403) {
        expect(body, `${role} at ${path}`).toContain('You are not allowed to see this page');
        expect(body).toMatch(/<a href="\/admin">Back to the newsroom<\/a>/);
      }
      if (expected === 404) expect(body, `${role} at ${path}`).toContain('Page not found');
      if (expected === 200) expect(body, `${role} at ${path}`).not.toContain('You are not allowed to see this page');
    }
  }
});

test('a role without uploads stores nothing but its own portrait: a new portrait replaces the file and row before it', async ({ browser }) => {
  const id = uniq();
  const me = { email: `portrait-${id}@example.com`, name: `Portrait Person ${id}`, password: `portrait-password-${id}` };
  const [row] = await query<{ id: number }>("insert into users (email, name, slug, role, password_hash) values (?, ?, ?, 'moderator', ?) returning id", [
    me.email,
    me.name,
    `portrait-person-${id}`,
    await hash(me.password),
  ]);
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueAddress() } });
  const page = await context.newPage();
  await new SignInPage(page).signIn(me.email, me.password);
  await expect(page).toHaveURL(/\/admin$/);

  const sharp = (await import('sharp')).default;
  const stored = async () => query<{ path: string }>('select path from media where uploaded_by_id = ?', [row.id]);
  const paths: string[] = [];
  for (const background of ['#884444', '#448844', '#444488']) {
    const png = await sharp({ create: { width: 60, height: 60, channels: 3, background } })
      .png()
      .toBuffer();
    await callAction(
      context.request,
      '/admin/profile',
      PROFILE_ACTIONS,
      'updateProfileAction',
      { name: me.name, bio: '', currentPassword: '', newPassword: '', avatar: { name: 'me.png', mimeType: 'image/png', buffer: png } },
      true,
    );
    const rows = await stored();
    expect(rows, 'one portrait row at a time').toHaveLength(1);
    const [user] = await query<{ avatar_path: string }>('select avatar_path from users where id = ?', [row.id]);
    expect(user.avatar_path).toBe(rows[0].path);
    paths.push(rows[0].path);
  }
  expect(new Set(paths).size).toBe(3);
  expect(paths.map((p) => existsSync(join(E2E_DATA_DIR, 'uploads', p)))).toEqual([false, false, true]);
  await context.close();
});
