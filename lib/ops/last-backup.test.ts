import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAST_BACKUP_FILE, readLastBackup, recordLastBackup } from './last-backup';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-last-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the note of the last backup', () => {
  it('is null before any backup, and reads back what was recorded', () => {
    expect(readLastBackup(dir)).toBeNull();
    const note = {
      folder: '/backups/broadsheet-20260101-030000',
      createdAt: '2026-01-01T03:00:00.000Z',
      bytes: 1234,
      tookMs: 56,
      schema: '0007_editing_safety',
    };
    recordLastBackup(dir, note);
    expect(readLastBackup(dir)).toEqual(note);
  });
  it('is null when the note is damaged', () => {
    writeFileSync(join(dir, LAST_BACKUP_FILE), '{"folder": 1');
    expect(readLastBackup(dir)).toBeNull();
    writeFileSync(join(dir, LAST_BACKUP_FILE), '{"folder": "x", "createdAt": "yesterday"}');
    expect(readLastBackup(dir)).toBeNull();
  });
});
