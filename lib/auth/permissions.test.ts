import { describe, expect, it } from 'vitest';
import { can, type Action, type Actor } from './permissions';

const admin: Actor = { id: 1, role: 'admin' };
const editor: Actor = { id: 2, role: 'editor' };
const author: Actor = { id: 3, role: 'author' };
const otherAuthor: Actor = { id: 4, role: 'author' };
const moderator: Actor = { id: 5, role: 'moderator' };

const draftBy = (id: number) => ({ createdById: id, authorIds: [id], status: 'draft' as const });

describe('can', () => {
  it('refuses everything to anonymous visitors and disabled accounts', () => {
    const actions: Action[] = [{ do: 'admin.enter' }, { do: 'article.create' }, { do: 'reply.moderate' }, { do: 'staff.manage' }];
    for (const a of actions) {
      expect(can(null, a)).toBe(false);
      expect(can({ id: 1, role: 'admin', disabled: true }, a)).toBe(false);
    }
  });

  it('follows the roles table', () => {
    const table: [Action, Record<string, boolean>][] = [
      [{ do: 'article.create' }, { admin: true, editor: true, author: true, moderator: false }],
      [{ do: 'article.publish' }, { admin: true, editor: true, author: false, moderator: false }],
      [{ do: 'article.schedule' }, { admin: true, editor: true, author: false, moderator: false }],
      [{ do: 'article.unpublish' }, { admin: true, editor: true, author: false, moderator: false }],
      [{ do: 'taxonomy.manage' }, { admin: true, editor: true, author: false, moderator: false }],
      [{ do: 'page.manage' }, { admin: true, editor: true, author: false, moderator: false }],
      [{ do: 'front.manage' }, { admin: true, editor: true, author: false, moderator: false }],
      [{ do: 'breaking.manage' }, { admin: true, editor: true, author: false, moderator: false }],
      [{ do: 'reply.moderate' }, { admin: true, editor: true, author: false, moderator: true }],
      [{ do: 'staff.manage' }, { admin: true, editor: false, author: false, moderator: false }],
      [{ do: 'settings.manage' }, { admin: true, editor: false, author: false, moderator: false }],
    ];
    const actors = { admin, editor, author, moderator };
    for (const [action, expected] of table) {
      for (const [name, actor] of Object.entries(actors)) {
        expect(can(actor, action), `${name} ${action.do}`).toBe(expected[name]);
      }
    }
  });

  it('lets whoever may publish an article run its live coverage, and no one else, not even its own author', () => {
    const published = { ...draftBy(3), status: 'published' as const };
    for (const [actor, allowed] of [
      [admin, true],
      [editor, true],
      [author, false],
      [otherAuthor, false],
      [moderator, false],
    ] as const) {
      expect(can(actor, { do: 'article.live', article: published })).toBe(allowed);
      // Mirrors article.publish exactly.
      expect(can(actor, { do: 'article.live', article: published })).toBe(can(actor, { do: 'article.publish' }));
    }
    expect(can(null, { do: 'article.live', article: published })).toBe(false);
  });

  it('lets an author edit only their own unpublished work', () => {
    expect(can(author, { do: 'article.edit', article: draftBy(3) })).toBe(true);
    expect(can(author, { do: 'article.edit', article: draftBy(4) })).toBe(false);
    expect(can(otherAuthor, { do: 'article.submit', article: draftBy(3) })).toBe(false);
    expect(can(author, { do: 'article.edit', article: { ...draftBy(3), status: 'published' } })).toBe(false);
    expect(can(editor, { do: 'article.edit', article: { ...draftBy(3), status: 'published' } })).toBe(true);
    expect(can(moderator, { do: 'article.edit', article: draftBy(5) })).toBe(false);
  });
});
