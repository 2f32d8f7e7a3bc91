import { describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_SETTINGS, withDefaults } from './settings';

describe('DEFAULT_REPLY_SETTINGS', () => {
  it('has the documented defaults (the README names several: 15 s flood control, depth 5)', () => {
    expect(DEFAULT_REPLY_SETTINGS).toEqual({
      holdAll: false,
      previouslyApproved: true,
      maxLinks: 2,
      moderationWords: [],
      disallowedWords: [],
      disallowedEmails: [],
      disallowedIps: [],
      minSecondsToSubmit: 3,
      floodSeconds: 15,
      maxDepth: 5,
      closeAfterDays: 0,
      purgeAfterDays: 30,
      reportThreshold: 3,
      articleBacklogLimit: 0,
      addressRetentionDays: 90,
    });
  });

  it('fills what was never stored with the defaults and keeps what was', () => {
    expect(withDefaults(null)).toEqual(DEFAULT_REPLY_SETTINGS);
    expect(withDefaults({ maxDepth: 2, moderationWords: ['x'] })).toEqual({ ...DEFAULT_REPLY_SETTINGS, maxDepth: 2, moderationWords: ['x'] });
  });
});
