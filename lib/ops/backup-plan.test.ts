import { describe, expect, it } from 'vitest';
import {
  backupFolderName,
  checksumMismatches,
  filePathOf,
  foldersToPrune,
  formatBytes,
  isBackupFolderName,
  isSafeRelativePath,
  manifestProblems,
  refuseNonFileDatabase,
  schemaVersionOf,
} from './backup-plan';

const sum = (c: string) => c.repeat(64);

describe('backup folder names', () => {
  it('stamps the UTC time, and numbers a second backup in the same second', () => {
    const at = new Date('2026-03-04T05:06:07.890Z');
    expect(backupFolderName(at)).toBe('broadsheet-20260304-050607');
    expect(backupFolderName(at, 2)).toBe('broadsheet-20260304-050607-2');
    expect(isBackupFolderName('broadsheet-20260304-050607-2')).toBe(true);
    expect(isBackupFolderName('broadsheet-2026-03-04')).toBe(false);
    expect(isBackupFolderName('.broadsheet-20260304-050607.partial')).toBe(false);
  });
});

describe('pruning', () => {
  const done = (name: string) => ({ name, hasManifest: true });
  it('keeps the newest N finished backups and deletes the rest', () => {
    const entries = [
      done('broadsheet-20260101-000000'),
      done('broadsheet-20260103-000000'),
      done('broadsheet-20260102-000000'),
      done('broadsheet-20260103-000000-2'),
    ];
    expect(foldersToPrune(entries, 2).sort()).toEqual(['broadsheet-20260101-000000', 'broadsheet-20260102-000000']);
    expect(foldersToPrune(entries, 10)).toEqual([]);
  });
  it('never touches unfinished backups or other folders', () => {
    const entries = [
      { name: 'broadsheet-20250101-000000', hasManifest: false },
      done('holiday-photos'),
      done('broadsheet-20260101-000000'),
      done('broadsheet-20260102-000000'),
    ];
    expect(foldersToPrune(entries, 1)).toEqual(['broadsheet-20260101-000000']);
  });
  it('sorts the tenth backup of a second after the ninth', () => {
    const entries = [done('broadsheet-20260101-000000-9'), done('broadsheet-20260101-000000-10')];
    expect(foldersToPrune(entries, 1)).toEqual(['broadsheet-20260101-000000-9']);
  });
  it('refuses a keep below one', () => {
    expect(() => foldersToPrune([], 0)).toThrow(/--keep/);
  });
});

describe('which databases this command backs up', () => {
  it('takes a plain local file', () => {
    expect(refuseNonFileDatabase('file:./data/broadsheet.db', undefined, 'backup')).toBeNull();
  });
  it('sends a libSQL server to its own backups, without printing its token', () => {
    for (const url of ['libsql://news-org.turso.io?authToken=secret', 'http://127.0.0.1:8080', 'wss://db.example']) {
      const message = refuseNonFileDatabase(url, undefined, 'backup')!;
      expect(message).toMatch(/libSQL server/);
      expect(message).toMatch(/turso db create .* --from-db .* --timestamp/);
      expect(message).toMatch(/bottomless/);
      expect(message).not.toMatch(/secret/);
    }
  });
  it('refuses an embedded replica', () => {
    expect(refuseNonFileDatabase('file:./data/replica.db', 'libsql://user:pw@primary.example', 'restore')).toMatch(
      /embedded replica of libsql:\/\/primary\.example[\s\S]*npm run restore/,
    );
  });
  it('reads the path of a file: URL', () => {
    expect(filePathOf('file:./data/a.db?mode=rwc')).toBe('./data/a.db');
    expect(filePathOf('file:/srv/a.db')).toBe('/srv/a.db');
    expect(filePathOf('file:///srv/a.db')).toBe('/srv/a.db');
  });
});

describe('the schema version', () => {
  const journal = {
    entries: [
      { idx: 0, when: 100, tag: '0000_init' },
      { idx: 1, when: 200, tag: '0001_more' },
    ],
  };
  it('names the last migration applied', () => {
    expect(
      schemaVersionOf(
        [
          { hash: 'a', created_at: 100 },
          { hash: 'b', created_at: 200 },
        ],
        journal,
      ),
    ).toEqual({ tag: '0001_more', hash: 'b', createdAt: 200, applied: 2 });
  });
  it('says when it does not know the migration, or none was applied', () => {
    expect(schemaVersionOf([{ hash: 'z', created_at: 999 }], journal).tag).toBeNull();
    expect(schemaVersionOf([], journal)).toEqual({ tag: null, hash: null, createdAt: null, applied: 0 });
  });
});

describe('manifests and checksums', () => {
  const good = { app: 'broadsheet', format: 1, files: { 'database.db': sum('a'), 'uploads/x.jpg': sum('b') }, tables: {} };
  it('accepts a well-formed manifest', () => {
    expect(manifestProblems(good)).toEqual([]);
  });
  it('refuses paths that leave the backup, and missing pieces', () => {
    expect(manifestProblems({ ...good, files: { 'database.db': sum('a'), '../etc/passwd': sum('b') } })).toEqual([
      'the manifest lists a file outside the backup: ../etc/passwd',
    ]);
    expect(manifestProblems({ ...good, files: {} })).toEqual(['the manifest does not list database.db']);
    expect(manifestProblems(null)).toHaveLength(1);
    expect(manifestProblems({ ...good, format: 2 })[0]).toMatch(/format is 2/);
  });
  it('reports a changed or missing file', () => {
    expect(checksumMismatches({ a: sum('a'), b: sum('b'), c: sum('c') }, { a: sum('a'), b: sum('f'), c: null })).toEqual([
      'b does not match its checksum (expected bbbbbbbbbbbb…, found ffffffffffff…)',
      'c is missing',
    ]);
  });
  it('checks relative paths', () => {
    expect(isSafeRelativePath('uploads/2026/a.jpg')).toBe(true);
    for (const bad of ['/etc/passwd', 'a/../../b', 'a//b', './a', 'a\\b']) expect(isSafeRelativePath(bad), bad).toBe(false);
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_585_000_000)).toBe('1.6 GB');
    expect(formatBytes(340_000_000)).toBe('340 MB');
  });
});
