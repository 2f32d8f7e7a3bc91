import { describe, expect, it } from 'vitest';
import { capValues, ECHO_DEFAULT_MAX } from './forms';

describe('capValues', () => {
  it('cuts each echoed value to its own field limit, others to the default', () => {
    const values = { comment: 'x'.repeat(11 * 1024 * 1024), name: 'Ann', note: 'y'.repeat(5000) };
    const capped = capValues(values, { comment: 5000, name: 80 });
    expect(capped.comment).toHaveLength(5000);
    expect(capped.name).toBe('Ann');
    expect(capped.note).toHaveLength(ECHO_DEFAULT_MAX);
    // The values themselves are left as they came (validation sees the real length).
    expect(values.comment).toHaveLength(11 * 1024 * 1024);
  });
});
