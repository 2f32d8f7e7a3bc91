import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('marks the matched text where it occurs', () => {
    expect(highlightSegments('Buy cheap pills now', 'cheap')).toEqual([
      { text: 'Buy ', marked: false },
      { text: 'cheap', marked: true },
      { text: ' pills now', marked: false },
    ]);
  });

  it('finds the match whatever its case', () => {
    expect(highlightSegments('SPAM here', 'spam')).toEqual([
      { text: 'SPAM', marked: true },
      { text: ' here', marked: false },
    ]);
  });

  it('leaves text unmarked when nothing was recorded or it is not there', () => {
    expect(highlightSegments('All fine', undefined)).toEqual([{ text: 'All fine', marked: false }]);
    expect(highlightSegments('All fine', 'casino')).toEqual([{ text: 'All fine', marked: false }]);
  });
});
