import { describe, expect, it } from 'vitest';
import { idField, MovePinSchema, PinSchema } from './schema';

const pin = (over: Record<string, unknown> = {}) => ({ slot: 'lead', sectionId: null, articleId: 3, slug: '', expires: '', ...over });

describe('PinSchema', () => {
  it('takes an article chosen from the list or typed by slug', () => {
    expect(PinSchema.safeParse(pin()).success).toBe(true);
    expect(PinSchema.safeParse(pin({ articleId: null, slug: 'city-hall' })).success).toBe(true);
  });

  it('refuses a pin with no article, a bad id, or a top story in a section', () => {
    const none = PinSchema.safeParse(pin({ articleId: null }));
    expect(none.success || none.error.issues[0].message).toBe('Choose an article or type its slug.');
    expect(PinSchema.safeParse(pin({ articleId: idField('abc') })).success).toBe(false);
    const section = PinSchema.safeParse(pin({ slot: 'top', sectionId: 2 }));
    expect(section.success || section.error.issues[0].message).toBe('A section has only a lead story.');
    expect(PinSchema.safeParse(pin({ slot: 'middle' })).success).toBe(false);
  });
});

describe('idField', () => {
  it('reads empty as none and anything else as a number', () => {
    expect(idField(null)).toBeNull();
    expect(idField(' ')).toBeNull();
    expect(idField('12')).toBe(12);
    expect(Number.isNaN(idField('x'))).toBe(true);
  });
});

describe('MovePinSchema', () => {
  it('takes up or down only', () => {
    expect(MovePinSchema.safeParse({ id: 1, direction: 'up' }).success).toBe(true);
    expect(MovePinSchema.safeParse({ id: 1, direction: 'sideways' }).success).toBe(false);
  });
});
