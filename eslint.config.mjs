import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

// Only db/ touches the database. Everywhere else reads and writes through `@/db/queries/*`, takes row
// types with `import type` from `@/db/schema`, and the values of enum columns from `@/db/enums` (no
// Drizzle in it, so client components can use them). `@/db` (the client), the tables and the seed stay
// in db/ and scripts/. (`except`: further paths under db/ a file may import for now.)
const dbBoundary = (except = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^(@/db|(\\.\\./)+db|\\./db)(/(?!queries/|enums$${except.map((p) => `|${p}$`).join('')}).*)?$`,
          allowTypeImports: true,
          message: 'Only db/ and scripts/ touch the database: use a function from @/db/queries/*, `import type` for row types, @/db/enums for enum values.',
        },
      ],
    },
  ],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'],
  },
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
    // e2e/support/db.ts reads the test database itself (with @libsql/client), for checks a page cannot show.
    ignores: ['db/**', 'scripts/**', 'e2e/support/**'],
    rules: dbBoundary(),
  },
  {
    // An update or delete without a where() changes every row of the table. Tests may, on their
    // throw-away databases.
    files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
    ignores: ['**/*.test.ts'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    // Every log line goes through the one logger (lib/log.ts: JSON, LOG_LEVEL, never an email or an
    // address). Scripts keep console for their command-line output.
    files: ['app/**', 'lib/**', 'db/**', 'components/**', 'instrumentation.ts', 'proxy.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
];

export default config;
