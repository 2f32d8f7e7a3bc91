import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/forms';
import { DeleteSchema, parsePage, SectionSchema, SectionUpdateSchema, TagMergeSchema, TagSchema, TagUpdateSchema } from './schema';

describe('SectionSchema', () => {
  it('makes the slug from the name when it is blank', () => {
    expect(SectionSchema.parse({ name: '  Arts & Culture ', slug: '', description: ' Galleries. ' })).toEqual({
      name: 'Arts & Culture',
      slug: 'arts-culture',
      description: 'Galleries.',
    });
  });

  it('keeps a given slug, lower-cased', () => {
    expect(SectionSchema.parse({ name: 'Sport', slug: ' Local-Sport ', description: '' }).slug).toBe('local-sport');
  });

  it('refuses a bad slug, a blank name and a long description with messages per field', () => {
    const r = SectionSchema.safeParse({ name: ' ', slug: 'no spaces!', description: 'x'.repeat(301) });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(errors.name).toBe('Please enter a section name.');
    expect(errors.slug).toMatch(/lower-case letters/);
    expect(errors.description).toMatch(/300 characters/);
  });

  it('refuses double hyphens and leading hyphens', () => {
    expect(SectionSchema.safeParse({ name: 'A', slug: 'a--b', description: '' }).success).toBe(false);
    expect(SectionSchema.safeParse({ name: 'A', slug: '-a', description: '' }).success).toBe(false);
  });

  it('asks for a slug when the name has nothing to make one from', () => {
    const r = SectionSchema.safeParse({ name: '!!!', slug: '', description: '' });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!).slug).toMatch(/Please enter a slug/);
  });

  it('needs a positive id to update', () => {
    expect(SectionUpdateSchema.safeParse({ id: 'abc', name: 'News', slug: 'news', description: '' }).success).toBe(false);
    expect(SectionUpdateSchema.parse({ id: '7', name: 'News', slug: '', description: '' })).toEqual({ id: 7, name: 'News', slug: 'news', description: '' });
  });
});

describe('TagSchema', () => {
  it('makes the slug from the name and limits names to 60 characters', () => {
    expect(TagSchema.parse({ name: 'Harbour Works', slug: '' })).toEqual({ name: 'Harbour Works', slug: 'harbour-works' });
    const r = TagSchema.safeParse({ name: 'x'.repeat(61), slug: '' });
    expect(fieldErrorsOf(r.error!).name).toMatch(/60 characters/);
  });

  it('validates the slug on rename', () => {
    const r = TagUpdateSchema.safeParse({ id: '3', name: 'Ferry', slug: 'Ferry Times' });
    expect(fieldErrorsOf(r.error!).slug).toMatch(/lower-case letters/);
    expect(TagUpdateSchema.parse({ id: '3', name: 'Ferry', slug: 'ferry-times' })).toEqual({ id: 3, name: 'Ferry', slug: 'ferry-times' });
  });
});

describe('TagMergeSchema', () => {
  it('accepts slugs or names', () => {
    expect(TagMergeSchema.parse({ from: 'ferry', into: 'Harbour Works' })).toEqual({ from: 'ferry', into: 'harbour-works' });
  });

  it('refuses merging a tag into itself and blank fields', () => {
    expect(fieldErrorsOf(TagMergeSchema.safeParse({ from: 'Ferry', into: 'ferry' }).error!).into).toBe('A tag cannot be merged into itself.');
    const blank = fieldErrorsOf(TagMergeSchema.safeParse({ from: '', into: '' }).error!);
    expect(blank.from).toBe('Please name the tag to merge.');
    expect(blank.into).toBe('Please name the tag to merge into.');
  });
});

describe('DeleteSchema and parsePage', () => {
  it('needs a positive integer id', () => {
    expect(DeleteSchema.safeParse({ id: '0' }).success).toBe(false);
    expect(DeleteSchema.safeParse({ id: '1.5' }).success).toBe(false);
    expect(DeleteSchema.parse({ id: '12' })).toEqual({ id: 12 });
  });

  it('reads a page number, falling back to 1', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(['2', '5'])).toBe(2);
    for (const bad of [undefined, '', '0', '-1', '2.5', 'abc']) expect(parsePage(bad)).toBe(1);
  });
});
