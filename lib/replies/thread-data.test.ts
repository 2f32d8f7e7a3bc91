import { describe, expect, it } from 'vitest';
import { compactReplyText, REPLY_FLAG, toThreadItems, type ThreadReply } from './thread-data';

const at = new Date('2026-11-20T10:00:00Z');
const reply = (over: Partial<ThreadReply> & { id: number }): ThreadReply => ({
  parentId: null,
  depth: 0,
  authorName: `Reader ${over.id}`,
  authorUrl: null,
  body: 'Hello.',
  createdAt: at,
  isStaff: false,
  status: 'approved',
  ...over,
});
const opts = { canReply: true, maxDepth: 2, formatTime: (d: Date) => `t${d.getTime()}` };

describe('compactReplyText', () => {
  it('keeps paragraphs, lines and links, and text stays text', () => {
    expect(compactReplyText('One\ntwo https://example.com/a.\n\n<script>x</script>')).toEqual([
      [['One'], ['two ', ['https://example.com/a', 'https://example.com/a'], '.']],
      [['<script>x</script>']],
    ]);
    expect(compactReplyText('javascript:alert(1)')).toEqual([[['javascript:alert(1)']]]);
    expect(compactReplyText('  \n')).toEqual([]);
  });
});

describe('toThreadItems', () => {
  it('nests answers under their parent and carries what the renderer needs', () => {
    const items = toThreadItems(
      [reply({ id: 1, isStaff: true }), reply({ id: 2, parentId: 1, depth: 1, authorUrl: 'https://a.example' }), reply({ id: 3, parentId: 2, depth: 2 })],
      opts,
    );
    expect(items).toHaveLength(1);
    const [id, name, url, flags, time, text, body, children] = items[0];
    expect([id, name, url, time, text, body]).toEqual([1, 'Reader 1', null, at.getTime(), `t${at.getTime()}`, [[['Hello.']]]]);
    expect(flags).toBe(REPLY_FLAG.staff | REPLY_FLAG.canReply);
    expect(children[0][2]).toBe('https://a.example');
    // At the deepest level no "Reply" is offered.
    expect(children[0][7][0][3] & REPLY_FLAG.canReply).toBe(0);
  });

  it('offers no reply on a held reply or when replies are closed, and shows an orphan at the top', () => {
    const held = toThreadItems([reply({ id: 5, status: 'pending', parentId: 99, depth: 1 })], opts);
    expect(held).toHaveLength(1);
    expect(held[0][3]).toBe(REPLY_FLAG.held);
    expect(toThreadItems([reply({ id: 6 })], { ...opts, canReply: false })[0][3]).toBe(0);
  });
});
