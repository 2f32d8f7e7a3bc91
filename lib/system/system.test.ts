import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageText } from './age';
import { manifestTime, newestBackup } from './backup';
import { bytesText, databaseInfo } from './database';
import { withoutAddresses } from './redact';
import { productionWarnings, type SystemFacts } from './warnings';

const safe: SystemFacts = {
  demoPasswordInUse: false,
  authSecretSet: true,
  siteUrl: 'https://news.example',
  databaseUrl: 'file:/srv/data/broadsheet.db',
  trustProxy: true,
  viaTrustedProxy: true,
  smtpUrl: 'smtp://mail.example:587',
};
const ids = (facts: Partial<SystemFacts>) => productionWarnings({ ...safe, ...facts }).map((w) => w.id);

describe('productionWarnings', () => {
  it('finds nothing in a production set-up', () => {
    expect(ids({})).toEqual([]);
  });

  it('warns of the demo password, http SITE_URL, a test query log and mail off', () => {
    expect(ids({ demoPasswordInUse: true })).toEqual(['demo-password']);
    expect(ids({ siteUrl: 'http://news.example' })).toEqual(['site-url']);
    expect(ids({ queryLogFile: '/tmp/q.log' })).toEqual(['query-log']);
    expect(ids({ smtpUrl: undefined })).toEqual(['mail-off']);
  });

  it('warns of a missing AUTH_SECRET only where several instances share the site', () => {
    expect(ids({ authSecretSet: false })).toEqual([]);
    expect(ids({ authSecretSet: false, redisUrl: 'redis://redis:6379' })).toEqual(['auth-secret']);
    expect(ids({ authSecretSet: false, databaseUrl: 'libsql://db.example' })).toEqual(['auth-secret']);
    expect(ids({ authSecretSet: false, databaseSyncUrl: 'libsql://db.example' })).toEqual(['auth-secret']);
  });

  it('warns of TRUST_PROXY when the request came through no trusted proxy', () => {
    expect(ids({ trustProxy: true, viaTrustedProxy: false })).toEqual(['trust-proxy']);
    expect(ids({ trustProxy: false, viaTrustedProxy: false })).toEqual([]);
  });

  it('warns of a database or Redis reached without TLS across a network', () => {
    expect(ids({ databaseUrl: 'http://db.example:8080' })).toEqual(['database-tls']);
    expect(ids({ databaseUrl: 'libsql://db.example?tls=0' })).toEqual(['database-tls']);
    expect(ids({ databaseUrl: 'http://127.0.0.1:8080' })).toEqual([]);
    expect(ids({ databaseUrl: 'libsql://db.example' })).toEqual([]);
    expect(ids({ redisUrl: 'redis://cache.example.net:6379' })).toEqual(['redis-tls']);
    expect(ids({ redisUrl: 'redis://redis:6379' })).toEqual([]);
  });
});

describe('the system page helpers', () => {
  it('removes addresses from a mail error', () => {
    expect(withoutAddresses('550 5.1.1 <reader@example.org>: Recipient address rejected by 203.0.113.9')).toBe(
      '550 5.1.1 <[address]>: Recipient address rejected by [address]',
    );
    expect(withoutAddresses('x'.repeat(400)).length).toBe(300);
  });

  it('names the kind of database without its credentials', () => {
    expect(databaseInfo('file:./data/broadsheet.db')).toEqual({ kind: 'Local file', where: './data/broadsheet.db', file: './data/broadsheet.db' });
    expect(databaseInfo('libsql://user:pw@db.example/x?authToken=secret')).toEqual({ kind: 'libSQL server', where: 'libsql://db.example/x', file: null });
    expect(databaseInfo('file:/srv/r.db', 'libsql://db.example?authToken=t').kind).toBe('Embedded replica');
    expect(databaseInfo('file:/srv/r.db', 'libsql://db.example?authToken=t').where).not.toContain('t=');
  });

  it('says sizes and ages plainly', () => {
    expect(bytesText(512)).toBe('512 B');
    expect(bytesText(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(ageText(10_000)).toBe('just now');
    expect(ageText(60_000)).toBe('1 minute ago');
    expect(ageText(5 * 3600_000)).toBe('5 hours ago');
    expect(ageText(3 * 86400_000)).toBe('3 days ago');
  });

  it('finds the newest backup by its manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backups-'));
    expect(await newestBackup(join(dir, 'missing'))).toBeNull();
    expect(await newestBackup(dir)).toBeNull();
    for (const [name, createdAt] of [
      ['broadsheet-a', '2026-11-30T02:00:00Z'],
      ['broadsheet-b', '2026-12-01T02:00:00Z'],
    ]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'manifest.json'), JSON.stringify({ createdAt }));
    }
    mkdirSync(join(dir, 'broadsheet-half'));
    writeFileSync(join(dir, 'broadsheet-half', 'manifest.json'), '{"createdAt": "2027');
    expect(await newestBackup(dir)).toEqual({ name: 'broadsheet-b', at: new Date('2026-12-01T02:00:00Z') });
    expect(manifestTime({ takenAt: 0 })).toEqual(new Date(0));
    expect(manifestTime({ nothing: 1 })).toBeNull();
  });
});
