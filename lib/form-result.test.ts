import { describe, expect, it } from 'vitest';
import { decodeFormResult, encodeFormResult, withResultMark } from './form-result';

describe('a form’s answer kept for a page reached without JavaScript', () => {
  const state = {
    status: 'error' as const,
    message: 'Your profile was not saved.',
    fieldErrors: { name: 'Please enter your name.' },
    values: { name: '', bio: 'Hello' },
    at: 5,
  };

  it('comes back for the mark it was stored with, and only that one', () => {
    const raw = encodeFormResult('profile', 'mark-1', state);
    expect(decodeFormResult(raw, 'mark-1')).toEqual({
      form: 'profile',
      state: { status: 'error', message: state.message, fieldErrors: state.fieldErrors, values: state.values },
    });
    expect(decodeFormResult(raw, 'mark-2')).toBeNull();
    expect(decodeFormResult(raw, undefined)).toBeNull();
    expect(decodeFormResult(undefined, 'mark-1')).toBeNull();
  });

  it('refuses anything else in the cookie', () => {
    for (const raw of [
      '',
      'not base64',
      Buffer.from('{"form":1}').toString('base64url'),
      Buffer.from(JSON.stringify({ form: 'x', mark: 'm', state: { status: 'pwned' } })).toString('base64url'),
    ]) {
      expect(decodeFormResult(raw, 'm')).toBeNull();
    }
  });

  it('stays small enough for a cookie: typed values go first, then all but the message', () => {
    const long = encodeFormResult('profile', 'm', { ...state, values: { bio: 'x'.repeat(10_000) } });
    expect(long.length).toBeLessThan(4000);
    const kept = decodeFormResult(long, 'm')?.state;
    expect(kept).toMatchObject({ message: state.message, fieldErrors: state.fieldErrors });
    expect(kept?.values).toBeUndefined();
    const huge = encodeFormResult('profile', 'm', {
      status: 'error',
      message: 'Not saved.',
      fieldErrors: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'y'.repeat(200)])),
    });
    expect(huge.length).toBeLessThan(4000);
    expect(decodeFormResult(huge, 'm')?.state).toEqual({ status: 'error', message: 'Not saved.' });
  });

  it('marks the page’s address, replacing an earlier mark', () => {
    expect(withResultMark('/login?callbackUrl=%2Fadmin%2Fusers', 'abc')).toBe('/login?callbackUrl=%2Fadmin%2Fusers&result=abc');
    expect(withResultMark('/admin/users?result=old', 'new')).toBe('/admin/users?result=new');
  });
});
