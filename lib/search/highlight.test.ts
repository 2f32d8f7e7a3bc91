import { describe, expect, it } from 'vitest';
import { MARK_CLOSE, MARK_OPEN, splitMarked } from './highlight';

describe('splitMarked', () => {
  it('separates matched words from the rest', () => {
    expect(splitMarked(`The ${MARK_OPEN}ferry${MARK_CLOSE} <b>runs</b>`)).toEqual([
      { text: 'The ', marked: false },
      { text: 'ferry', marked: true },
      { text: ' <b>runs</b>', marked: false },
    ]);
  });

  it('survives unbalanced markers', () => {
    expect(splitMarked(`a${MARK_CLOSE}b${MARK_OPEN}c`)).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(splitMarked('')).toEqual([]);
  });
});
