import { describe, expect, it } from 'vitest';
import { addHeldEntry, decodeHeldCookie, encodeHeldCookie } from './held-cookie';
import { buildThread } from './thread';

const SECRET = 'x'.repeat(40);

describe('held-reply cookie', () => {
  it('round-trips entries', () => {
    const value = encodeHeldCookie([{ replyId: 7, slug: 'a-story' }], SECRET);
    expect(decodeHeldCookie(value, SECRET)).toEqual([{ replyId: 7, slug: 'a-story' }]);
  });

  it('refuses a forged or tampered cookie', () => {
    const value = encodeHeldCookie([{ replyId: 7, slug: 'a-story' }], SECRET);
    const forgedPayload = Buffer.from(JSON.stringify([[8, 'a-story']])).toString('base64url');
    expect(decodeHeldCookie(`${forgedPayload}.${value.split('.')[1]}`, SECRET)).toBeNull();
    expect(decodeHeldCookie(value, 'y'.repeat(40))).toBeNull();
    expect(decodeHeldCookie('garbage', SECRET)).toBeNull();
    expect(decodeHeldCookie(undefined, SECRET)).toBeNull();
  });

  it('keeps the newest twenty entries without duplicates', () => {
    let entries = null as ReturnType<typeof addHeldEntry> | null;
    for (let i = 0; i < 25; i++) entries = addHeldEntry(entries, { replyId: i, slug: 's' });
    entries = addHeldEntry(entries, { replyId: 24, slug: 's' });
    expect(entries).toHaveLength(20);
    expect(entries![0].replyId).toBe(5);
    expect(entries!.filter((e) => e.replyId === 24)).toHaveLength(1);
  });
});

describe('buildThread', () => {
  it('nests children under parents and keeps orphans at the top', () => {
    const tree = buildThread([
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: 99 },
    ]);
    expect(tree.map((n) => n.reply.id)).toEqual([1, 4]);
    expect(tree[0].children[0].children[0].reply.id).toBe(3);
  });
});
