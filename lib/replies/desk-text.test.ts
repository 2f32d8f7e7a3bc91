import { describe, expect, it } from 'vitest';
import { logSentence, noticeText, queueCountLabel, sanctionLabel, summariseReports, type LogEntry } from './desk-text';

const line = (e: LogEntry, author?: string) => {
  const { who, did } = logSentence(e, author);
  return `${who} ${did}`;
};
const by = (action: string, fromStatus: LogEntry['fromStatus'], toStatus: LogEntry['toStatus'], actorName: string | null = 'Mo Derator'): LogEntry => ({
  action,
  fromStatus,
  toStatus,
  actorName,
});

describe('the audit trail reads as plain sentences', () => {
  it('names who did what to whose reply in the recent decisions', () => {
    expect(line(by('approve', 'pending', 'approved'), 'Ann')).toBe('Mo Derator approved the reply by Ann');
    expect(line(by('approve', 'trash', 'approved'), 'Ann')).toBe('Mo Derator approved the reply by Ann from the trash');
    expect(line(by('unapprove', 'approved', 'pending'), 'Ann')).toBe('Mo Derator sent the reply by Ann back to pending');
    expect(line(by('spam', 'pending', 'spam'), 'Ann')).toBe('Mo Derator marked the reply by Ann as spam');
    expect(line(by('trash', 'approved', 'trash'), 'Ann')).toBe('Mo Derator moved the reply by Ann to the trash');
    expect(line(by('restore', 'trash', 'pending'), 'Ann')).toBe('Mo Derator restored the reply by Ann from the trash to pending');
    expect(line(by('undo', 'approved', 'pending'), 'Ann')).toBe('Mo Derator put the reply by Ann back from approved to pending');
    expect(line(by('edit', 'approved', 'approved'), 'Ann')).toBe('Mo Derator edited the text of the reply by Ann');
    expect(line(by('dismiss-reports', 'approved', 'approved'), 'Ann')).toBe('Mo Derator dismissed the reports on the reply by Ann');
  });

  it('in a reply’s own history, says what the reply rules and readers did', () => {
    expect(line(by('rules:first-reply', null, 'pending', null))).toBe('The reply rules held a new reply');
    expect(line(by('rules:previously-approved', null, 'approved', null))).toBe('The reply rules approved a new reply');
    expect(line(by('rules:disallowed-word', null, 'spam', null))).toBe('The reply rules marked a new reply as spam');
    expect(line(by('posted', null, 'approved', null))).toBe('The reply rules approved a new reply');
    expect(line(by('posted', null, 'approved', 'Tom Ashdown'))).toBe('Tom Ashdown posted a staff reply');
    expect(line(by('reported', 'approved', 'pending', null))).toBe('Readers’ reports sent the reply back to pending');
    expect(line(by('undo', 'spam', 'pending'))).toBe('Mo Derator put the reply back from spam to pending');
  });

  it('never prints an arrow, a bare status in brackets or a dangling word', () => {
    const actions = [
      'approve',
      'unapprove',
      'spam',
      'trash',
      'restore',
      'undo',
      'edit',
      'erase',
      'dismiss-reports',
      'posted',
      'rules:x',
      'reported',
      'mystery',
    ];
    for (const action of actions) {
      for (const actor of ['Mo Derator', null]) {
        const text = line(by(action, 'approved', 'pending', actor), 'Ann');
        expect(text, action).not.toMatch(/→|\(|\bon$|\)$/);
      }
    }
    expect(line(by('approve', 'pending', 'approved', null), 'Ann')).toBe('Someone approved the reply by Ann');
  });
});

describe('queue counts', () => {
  it('stop at the cap and say so', () => {
    expect(queueCountLabel(1234)).toBe('1,234');
    expect(queueCountLabel(10_000)).toBe('10,000');
    expect(queueCountLabel(10_001)).toBe('10,000+');
  });
});

describe('the notice after a desk action', () => {
  it('counts replies, says when nothing changed, and has no count for one-off actions', () => {
    expect(noticeText('approve', 1)).toBe('Approved: 1 reply.');
    expect(noticeText('spam', 3)).toBe('Marked as spam: 3 replies.');
    expect(noticeText('undo', 0)).toBe('Nothing changed.');
    expect(noticeText('reply-approved', 1)).toBe('Approved, and your reply is published.');
    expect(noticeText('sanction-ban', 1)).toBe('Banned the commenter.');
    expect(noticeText('nonsense', 1)).toBeNull();
  });
});

describe('a reply’s reports', () => {
  it('counts a reason given by several readers instead of repeating it, keeping every note', () => {
    const summary = summariseReports([
      { reason: 'spam', note: null },
      { reason: 'abuse', note: 'Name-calling' },
      { reason: 'spam', note: 'Links to a shop' },
      { reason: 'spam', note: null },
    ]);
    expect(summary).toEqual([
      { reason: 'spam', label: 'Spam or advertising (3)', notes: ['Links to a shop'] },
      { reason: 'abuse', label: 'Abusive, hateful or harassing', notes: ['Name-calling'] },
    ]);
    expect(summariseReports([])).toEqual([]);
  });
});

describe('a commenter’s sanction', () => {
  it('reads as a word, with the end of a suspension as a date', () => {
    expect(sanctionLabel({ kind: 'ban', until: null })).toBe('Banned');
    expect(sanctionLabel({ kind: 'hold', until: null })).toBe('Always held');
    expect(sanctionLabel({ kind: 'suspend', until: new Date('2026-12-03T00:00:00Z') })).toBe('Suspended until 3 Dec 2026');
    // The day in the site's zone.
    expect(sanctionLabel({ kind: 'suspend', until: new Date('2026-12-03T00:00:00Z') }, 'America/New_York')).toBe('Suspended until 2 Dec 2026');
  });
});
