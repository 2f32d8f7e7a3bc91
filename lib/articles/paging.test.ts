import { describe, expect, it } from 'vitest';
import { listPageCount } from './paging';

describe('listPageCount', () => {
  it('counts the pages of a list, the first possibly of another size', () => {
    expect(listPageCount(0, 20)).toBe(1);
    expect(listPageCount(20, 20)).toBe(1);
    expect(listPageCount(21, 20)).toBe(2);
    expect(listPageCount(40, 20)).toBe(2);
    expect(listPageCount(9, 20, 9)).toBe(1);
    expect(listPageCount(10, 20, 9)).toBe(2);
    expect(listPageCount(29, 20, 9)).toBe(2);
    expect(listPageCount(30, 20, 9)).toBe(3);
  });
});
