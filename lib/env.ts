import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|wss?:|https?:)/, 'DATABASE_URL must start with file:, libsql:, ws(s): or http(s):')
    .default('file:./data/broadsheet.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  DATABASE_SYNC_URL: z.string().optional(),
  // Where generated secrets and uploads live; defaults to the folder of a file database, else ./data.
  DATA_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  SITE_URL: z.url().default('http://localhost:3000'),
  SEED_DEMO: booleanFromString.default(true),
  // Trust X-Forwarded-For for the client address (only behind a proxy you run).
  TRUST_PROXY: booleanFromString.default(false),
  // Test/benchmark aid: append every SQL statement the app runs to this file.
  QUERY_LOG_FILE: z.string().optional(),
  // Outgoing mail (reply notifications, the moderators' digest). Without it no mail is offered or sent.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Broadsheet <no-reply@localhost>'),
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

export function dataDir(): string {
  if (env.DATA_DIR) return env.DATA_DIR;
  if (env.DATABASE_URL.startsWith('file:')) {
    const file = env.DATABASE_URL.slice('file:'.length).split('?')[0];
    const slash = file.lastIndexOf('/');
    return slash > 0 ? file.slice(0, slash) : '.';
  }
  return './data';
}
