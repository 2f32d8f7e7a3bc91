// npm run user:create -- --email E --name N --role admin   (password asked for, or ADMIN_PASSWORD)
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { client, db } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { createStaffAccount, EmailTakenError } from '@/db/queries/staff-admin';
import { NewStaffSchema } from '@/lib/staff/schema';

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set ADMIN_PASSWORD, or run this in a terminal to be asked for the password.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const first = await rl.question('Password (at least 12 characters): ');
  const second = await rl.question('Repeat the password: ');
  rl.close();
  if (first !== second) throw new Error('The passwords do not match.');
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
  });
  const parsed = NewStaffSchema.safeParse({ ...values, password: await askPassword() });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0])}: ${issue.message}`);
    console.error('Usage: npm run user:create -- --email E --name N --role admin|editor|author|moderator');
    return 2;
  }
  await migrateDatabase(db);
  try {
    const created = await createStaffAccount(parsed.data);
    console.log(`Created ${parsed.data.role} ${parsed.data.email.toLowerCase()} (author page /authors/${created.slug}).`);
    return 0;
  } catch (e) {
    if (e instanceof EmailTakenError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

main()
  .then((code) => {
    client.close();
    process.exit(code);
  })
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
