// Creates, migrates and (when empty and SEED_DEMO is not false) seeds the database. Run by `npm start`.
import { db, client } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { fillMissingBodyText } from '@/db/queries/search';
import { isEmptyDatabase, seedDemoContent } from '@/db/seed';
import { env } from '@/lib/env';
import { appSecret } from '@/lib/secret';

async function main() {
  const started = Date.now();
  await migrateDatabase(db);
  appSecret(); // generated into the data folder on first start when AUTH_SECRET is unset
  if (env.SEED_DEMO && (await isEmptyDatabase(db))) {
    await seedDemoContent(db);
    console.log(`[db] seeded demo content into ${env.DATABASE_URL}`);
  }
  // Articles from before the search index are indexed with their raw body until this runs once.
  const filled = await fillMissingBodyText();
  if (filled > 0) console.log(`[db] wrote the searchable text of ${filled} articles`);
  console.log(`[db] ${env.DATABASE_URL} ready in ${Date.now() - started} ms`);
  client.close();
}

main().catch((err) => {
  console.error('[db] could not prepare the database:', err instanceof Error ? err.message : err);
  process.exit(1);
});
