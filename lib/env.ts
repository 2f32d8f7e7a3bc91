import { z } from 'zod';
// With its extension: Node itself loads this file for scripts/server.mjs.
import { DEFAULT_TRUSTED_PROXIES, parseTrustedProxies, type TrustedProxies } from './request-address.ts';

const booleanFromString = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|wss?:|https?:)/, 'DATABASE_URL must start with file:, libsql:, ws(s): or http(s):')
      .default('file:./data/broadsheet.db'),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    // With a file: DATABASE_URL, makes the file an embedded replica of this libSQL server.
    DATABASE_SYNC_URL: z
      .string()
      .regex(/^(libsql:|wss?:|https?:)/, 'DATABASE_SYNC_URL must start with libsql:, ws(s): or http(s):')
      .optional(),
    // Seconds between an embedded replica's pulls from the primary.
    DATABASE_SYNC_INTERVAL: z.coerce.number().positive().max(3600).default(2),
    // Several instances: Next's caches (pages and 'use cache' data) and the redirect table's change
    // notices live in this Redis. Without it, every process keeps its own, as a single instance should.
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
      .optional(),
    // A cache read slower than this counts as a miss (lib/cache/redis-options.mjs reads it; default 2000).
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
    // Keeps several sites (or staging and production) apart in one Redis; the build id is added to it.
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'REDIS_KEY_PREFIX may use letters, digits, _ . and - (at most 64)')
      .default('broadsheet'),
    // Where generated secrets and uploads live; defaults to the folder of a file database, else ./data.
    DATA_DIR: z.string().optional(),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    SITE_URL: z.url().default('http://localhost:3000'),
    SEED_DEMO: booleanFromString.default(true),
    // Behind a proxy you run: the client address is the right-most X-Forwarded-For entry that is not one
    // of TRUSTED_PROXIES (scripts/server.mjs). Off: the socket's address, forwarded headers ignored.
    TRUST_PROXY: booleanFromString.default(false),
    // The proxies (addresses, CIDR ranges, `loopback`, `private`) whose X-Forwarded-For is believed.
    TRUSTED_PROXIES: z
      .string()
      .default(DEFAULT_TRUSTED_PROXIES)
      .transform((value, ctx): TrustedProxies => {
        try {
          return parseTrustedProxies(value);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    // Test/benchmark aid: append every SQL statement the app runs to this file.
    QUERY_LOG_FILE: z.string().optional(),
    // Outgoing mail (reply notifications, the moderators' digest). Without it no mail is offered or sent.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().default('Broadsheet <no-reply@localhost>'),
  })
  .refine((e) => !e.DATABASE_SYNC_URL || e.DATABASE_URL.startsWith('file:'), {
    path: ['DATABASE_SYNC_URL'],
    message: 'DATABASE_SYNC_URL needs a file: DATABASE_URL (the local replica)',
  });

export type Env = z.infer<typeof EnvSchema>;

function readEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();

/** A plain local file: the only kind that takes file pragmas (a server or an embedded replica refuses them). */
export function isLocalFileDatabase(): boolean {
  return env.DATABASE_URL.startsWith('file:') && !env.DATABASE_SYNC_URL;
}

export function dataDir(): string {
  if (env.DATA_DIR) return env.DATA_DIR;
  if (env.DATABASE_URL.startsWith('file:')) {
    const file = env.DATABASE_URL.slice('file:'.length).split('?')[0];
    const slash = file.lastIndexOf('/');
    return slash > 0 ? file.slice(0, slash) : '.';
  }
  return './data';
}
