import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-redirect';

describe('safeReturnPath', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnPath('/admin/articles?status=draft')).toBe('/admin/articles?status=draft');
    expect(safeReturnPath('http://localhost:3000/admin/comments')).toBe('/admin/comments');
  });
  it('refuses other sites', () => {
    expect(safeReturnPath('//evil.example/x')).toBe('/admin');
    expect(safeReturnPath('/\\evil.example')).toBe('/admin');
    expect(safeReturnPath('javascript:alert(1)')).toBe('/admin');
    expect(safeReturnPath(null)).toBe('/admin');
  });
});
