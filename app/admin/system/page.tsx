import type { Metadata } from 'next';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { NotAllowed } from '@/components/admin/not-allowed';
import { demoPasswordStillSet } from '@/db/queries/dashboard';
import { getSiteSettings } from '@/db/queries/settings';
import { latestMailFailure, operationalCounts } from '@/db/queries/system';
import { DEMO_PASSWORD } from '@/lib/auth/demo';
import { can } from '@/lib/auth/permissions';
import { dataDir, env } from '@/lib/env';
import { lastJobRuns, type Job } from '@/lib/metrics';
import { ageText } from '@/lib/system/age';
import { readLastBackup } from '@/lib/ops/last-backup';
import { newestBackup, type BackupSeen } from '@/lib/system/backup';
import { bytesText, databaseFileSize, databaseInfo } from '@/lib/system/database';
import { withoutAddresses } from '@/lib/system/redact';
import { productionWarnings } from '@/lib/system/warnings';
import { formatInZone } from '@/lib/time/zone';

export const metadata: Metadata = { title: 'System', robots: { index: false } };
export const instant = false;

const JOBS: { job: Job; label: string; every: string }[] = [
  { job: 'scheduler', label: 'Scheduler (publishes scheduled articles)', every: 'every few seconds' },
  { job: 'housekeeping', label: 'Housekeeping (purges, digests)', every: 'hourly' },
  { job: 'mail', label: 'Mail sender', every: 'every few seconds when SMTP_URL is set' },
];

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8')
    .then((t) => t.trim())
    .catch(() => null);
}

export default async function SystemPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/system');
  if (!can(staff, { do: 'settings.manage' })) return <NotAllowed />;

  const database = databaseInfo(env.DATABASE_URL, env.DATABASE_SYNC_URL);
  const [pkg, buildId, size, backup, counts, failure, demo, site, requestHeaders] = await Promise.all([
    readText(join(process.cwd(), 'package.json')),
    readText(join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID')),
    database.file ? databaseFileSize(database.file) : Promise.resolve(null),
    // The backup folder when the app is told it; else what `npm run backup` noted in the data folder.
    process.env.BACKUP_DIR ? newestBackup(process.env.BACKUP_DIR) : Promise.resolve(notedBackup()),
    operationalCounts(),
    latestMailFailure(),
    demoPasswordStillSet(DEMO_PASSWORD),
    getSiteSettings(),
    headers(),
  ]);
  const version = pkg ? (JSON.parse(pkg) as { version?: string }).version : undefined;
  const now = new Date().getTime();
  const when = (at: Date) => `${formatInZone(at, site.timeZone, true)} (${ageText(now - at.getTime())})`;
  const runs = lastJobRuns();
  // scripts/server.mjs says whether this request came from one of TRUSTED_PROXIES (it overwrites any the client sent).
  const warnings = productionWarnings({
    demoPasswordInUse: demo,
    authSecretSet: Boolean(env.AUTH_SECRET),
    siteUrl: env.SITE_URL,
    databaseUrl: env.DATABASE_URL,
    databaseSyncUrl: env.DATABASE_SYNC_URL,
    redisUrl: env.REDIS_URL,
    trustProxy: env.TRUST_PROXY,
    viaTrustedProxy: requestHeaders.get('x-broadsheet-via-proxy') === '1',
    queryLogFile: env.QUERY_LOG_FILE,
    smtpUrl: env.SMTP_URL,
  });

  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">System</h1>

      <section aria-labelledby="warnings" className="mb-8 max-w-3xl">
        <h2 id="warnings" className="mb-3 font-serif text-xl font-bold">
          Settings to check before going live
        </h2>
        {warnings.length === 0 ? (
          <p>No unsafe settings found.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {warnings.map((w) => (
              <li
                key={w.id}
                data-warning={w.id}
                className="rounded-sm border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
              >
                {w.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Facts
        heading="Version"
        rows={[
          ['Version', version ?? 'unknown'],
          ['Build', buildId ?? 'not built (development server)'],
          ['Node.js', process.versions.node],
        ]}
      />
      <Facts
        heading="Database"
        rows={[
          ['Kind', database.kind],
          ['Where', database.where],
          ...(database.file ? [['Size', size === null ? 'unknown' : bytesText(size)] as [string, string]] : []),
          [
            'Last backup',
            backup
              ? `${when(backup.at)}, ${backup.name}`
              : process.env.BACKUP_DIR
                ? `No backup found in ${process.env.BACKUP_DIR}`
                : 'No backup recorded — see README',
          ],
        ]}
      />
      <Facts
        heading="Mail queue"
        rows={[
          ['Sending', env.SMTP_URL ? 'On' : 'Off (no SMTP_URL)'],
          ['Waiting', String(counts.mailQueued)],
          ['Oldest waiting', counts.oldestMailAt ? when(counts.oldestMailAt) : 'Nothing waiting'],
          ['Last failure', failure ? `${when(failure.at)}${failure.givenUp ? ', given up' : ''}: ${withoutAddresses(failure.error)}` : 'None'],
        ]}
      />
      <Facts
        heading="Moderation queue"
        rows={[
          ['Waiting', String(counts.pending)],
          ['Oldest waiting', counts.oldestPendingAt ? when(counts.oldestPendingAt) : 'Nothing waiting'],
        ]}
      />
      <Facts
        heading="Timers on this instance"
        note="Each instance runs its own timers and remembers only its own runs, since it started."
        rows={JOBS.map(({ job, label, every }) => {
          const run = runs.get(job);
          return [label, run ? `${when(run.at)}${run.outcome === 'error' ? ', failed' : ''}` : `Not run since this instance started (${every})`];
        })}
      />
      <Facts heading="Cache" rows={[['Pages and data', env.REDIS_URL ? 'Redis, shared by every instance' : 'In this process (one instance)']]} />
    </>
  );
}

function Facts({ heading, rows, note }: { heading: string; rows: [string, string][]; note?: string }) {
  return (
    <section className="mb-8 max-w-3xl border-t border-current/15 pt-4">
      <h2 className="mb-2 font-serif text-xl font-bold">{heading}</h2>
      {note && <p className="mb-2 text-sm text-current/70">{note}</p>}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="mb-2 wrap-anywhere sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function notedBackup(): BackupSeen | null {
  const noted = readLastBackup(dataDir());
  return noted ? { name: basename(noted.folder), at: new Date(noted.createdAt) } : null;
}
