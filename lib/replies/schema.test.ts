import { describe, expect, it } from 'vitest';
import { ReplyFormSchema } from './schema';

const valid = { articleId: '3', parentId: '', comment: ' Hello\r\nthere ', name: 'Ann', email: 'Ann@Example.com ', website: '', company: '', startedAt: '' };

describe('ReplyFormSchema', () => {
  it('accepts a normal reply and normalises it', () => {
    const r = ReplyFormSchema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ articleId: 3, parentId: null, comment: 'Hello\nthere', email: 'ann@example.com', website: null, startedAt: null });
  });

  it('refuses empty fields with a message per field', () => {
    const r = ReplyFormSchema.safeParse({ ...valid, comment: '   ', name: '', email: 'nope' });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField.comment).toBe('Please type a comment.');
    expect(byField.name).toBe('Please enter your name.');
    expect(byField.email).toBe('Please enter a valid email address.');
  });

  it('accepts bare domains as websites and refuses other schemes', () => {
    expect(ReplyFormSchema.parse({ ...valid, website: 'example.org' }).website).toBe('https://example.org/');
    expect(ReplyFormSchema.safeParse({ ...valid, website: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('refuses a too-long comment', () => {
    expect(ReplyFormSchema.safeParse({ ...valid, comment: 'x'.repeat(5001) }).success).toBe(false);
  });
});
