import { describe, expect, it } from 'vitest';
import { insertAtCursor } from './insert-at-cursor';

const IMG = '![A gull](/media/a.webp "On the pier — J. Doe")';

describe('insertAtCursor', () => {
  it('puts the image between two paragraphs when the cursor is at the end of the first', () => {
    const text = 'First paragraph.\n\nSecond paragraph.';
    const r = insertAtCursor(text, 16, 16, IMG);
    expect(r.text).toBe(`First paragraph.\n\n${IMG}\n\nSecond paragraph.`);
    expect(r.text.slice(r.cursor)).toBe('Second paragraph.');
  });

  it('splits a paragraph where the cursor stands', () => {
    const r = insertAtCursor('One two. Three four.', 9, 9, IMG);
    expect(r.text).toBe(`One two.\n\n${IMG}\n\nThree four.`);
    expect(r.text.slice(r.cursor)).toBe('Three four.');
  });

  it('starts the text with the image when the cursor is at the start, and ends it with a new paragraph at the end', () => {
    expect(insertAtCursor('Words.', 0, 0, IMG)).toEqual({ text: `${IMG}\n\nWords.`, cursor: IMG.length + 2 });
    const end = insertAtCursor('Words.\n', 7, 7, IMG);
    expect(end.text).toBe(`Words.\n\n${IMG}\n\n`);
    expect(end.cursor).toBe(end.text.length);
    expect(insertAtCursor('', 0, 0, IMG)).toEqual({ text: `${IMG}\n\n`, cursor: IMG.length + 2 });
  });

  it('keeps a selection and puts the image after it', () => {
    const r = insertAtCursor('Keep these words. And these.', 0, 17, IMG);
    expect(r.text).toBe(`Keep these words.\n\n${IMG}\n\nAnd these.`);
    // Backwards selections too.
    expect(insertAtCursor('Keep these words. And these.', 17, 0, IMG).text).toBe(r.text);
  });

  it('never loses a word, whatever the cursor', () => {
    const text = 'Alpha beta.\n\n    code line\n\nGamma delta.\n';
    const letters = (s: string) => s.replace(/\s/g, '');
    for (let at = 0; at <= text.length; at++) {
      const r = insertAtCursor(text, at, at, IMG);
      // Every letter of the text is still there, in order, with the image once, on a paragraph of its own.
      expect(letters(r.text.replace(IMG, ''))).toBe(letters(text));
      expect(r.text.split(IMG)).toHaveLength(2);
      expect(r.text.startsWith(`${IMG}\n\n`) || r.text.includes(`\n\n${IMG}\n\n`)).toBe(true);
    }
  });

  it('keeps the indent of a code line the cursor stands before', () => {
    const r = insertAtCursor('Text.\n\n    code', 7, 7, IMG);
    expect(r.text).toBe(`Text.\n\n${IMG}\n\n    code`);
  });

  it('clamps positions outside the text', () => {
    expect(insertAtCursor('Words.', 99, 120, IMG).text).toBe(`Words.\n\n${IMG}\n\n`);
    expect(insertAtCursor('Words.', -5, -1, IMG).text).toBe(`${IMG}\n\nWords.`);
    expect(insertAtCursor('Words.', Number.NaN, Number.NaN, IMG).text).toBe(`Words.\n\n${IMG}\n\n`);
  });
});
