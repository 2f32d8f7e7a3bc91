// Prints the internal API key: the bearer token a Prometheus scraper sends to /api/metrics (and an
// external cron to /api/publish-due, /api/housekeeping). It is derived from the app secret, so it
// changes only when AUTH_SECRET (or the generated data/auth-secret) does.
//
//   npm run internal-key            (with the same AUTH_SECRET / DATA_DIR as the server)
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd(), false);
const { derivedKey } = await import('../lib/secret.ts');
// The label lib/auth/secret-bearer.ts uses (a unit test keeps the two the same).
export const INTERNAL_API_LABEL = 'internal-api';
console.log(derivedKey(INTERNAL_API_LABEL));
