// Whether this instance should get readers (GET /api/health/ready): the database answers, this build's
// migrations are applied, and Redis answers when the site uses it. Each check has a time limit, and
// all run at once, so a stalled dependency answers "not ready" within about that limit rather than
// holding the load balancer's probe. The answer names the failed check, never its error (which can
// hold a path, a host or SQL).

export type CheckResult = 'ok' | 'failed' | 'timeout' | 'behind';
export type CheckName = 'database' | 'migrations' | 'redis';
export type Readiness = { ready: boolean; checks: Partial<Record<CheckName, CheckResult>>; errors: Partial<Record<CheckName, unknown>> };

export type ReadinessChecks = {
  database: () => Promise<unknown>;
  /** true when this build's newest migration is applied. */
  migrations: () => Promise<boolean>;
  /** Only when REDIS_URL is set. */
  redis?: () => Promise<unknown>;
};

export const READY_TIMEOUT_MS = 1000;

class Timeout extends Error {}

function withinLimit<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve().then(work), late]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(checks: ReadinessChecks, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  const run = async (name: CheckName, work: () => Promise<unknown>): Promise<[CheckName, CheckResult, unknown]> => {
    try {
      const answer = await withinLimit(work, timeoutMs);
      return [name, name === 'migrations' && answer !== true ? 'behind' : 'ok', undefined];
    } catch (error) {
      return [name, error instanceof Timeout ? 'timeout' : 'failed', error];
    }
  };
  const results = await Promise.all([
    run('database', checks.database),
    run('migrations', checks.migrations),
    ...(checks.redis ? [run('redis', checks.redis)] : []),
  ]);
  const readiness: Readiness = { ready: results.every(([, r]) => r === 'ok'), checks: {}, errors: {} };
  for (const [name, result, error] of results) {
    readiness.checks[name] = result;
    if (error !== undefined) readiness.errors[name] = error;
  }
  return readiness;
}
