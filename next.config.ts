import type { NextConfig } from 'next';
import path from 'node:path';
import { UPLOAD_BODY_LIMIT } from './lib/edge/gate';
import { SEARCH_CACHE_NO_KEY, SEARCH_CACHE_PATH, SEARCH_KEY_HEADER } from './lib/search/cache-route';

// Reader lists page with `?page=N`. Query strings are request-time data, which would make every list
// render per request; mapping them onto path segments lets each page of each list be cached whole.
const PAGE = { type: 'query' as const, key: 'page', value: '(?<page>[1-9][0-9]{0,5})' };

// Several instances (REDIS_URL, read when the server starts): pages and 'use cache' entries, and the
// tags that invalidate them, live in Redis, so a change made through one instance is fresh on all of
// them. Next's in-process copy is off, or an instance would keep serving what another invalidated.
// Without REDIS_URL, Next's own per-process caches: one instance.
// Absolute paths: Next imports them itself, from the project folder it runs in.
const handler = (file: string) => path.resolve('lib/cache', file);
const sharedCache: Partial<NextConfig> = process.env.REDIS_URL
  ? {
      cacheHandler: handler('incremental-handler.mjs'),
      cacheHandlers: { default: handler('use-cache-handler.mjs'), remote: handler('use-cache-handler.mjs') },
      cacheMaxMemorySize: 0,
    }
  : {};

const nextConfig: NextConfig = {
  ...sharedCache,
  // A second build folder lets a developer try a build while tests run on the main one.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  cacheComponents: true,
  // `npm test` type-checks (npm run typecheck) just before it builds: the build need not do it again.
  // Every other build (npm start, npm run build) checks types itself.
  typescript: { ignoreBuildErrors: process.env.BUILD_TYPES_CHECKED === 'true' },
  partialPrefetching: false,
  poweredByHeader: false,
  // Next hashes a page's whole HTML for its ETag on every request, cached or not: about a tenth of
  // the CPU a cached article costs (issue 19, bench/README.md). A cached page is the same bytes for
  // everyone and readers' browsers rarely revalidate it; in the stack, nginx's micro-cache answers in
  // front. The poll routes set their own ETags, which this leaves alone.
  generateEtags: false,
  // proxy.ts removes trailing slashes itself (308, as Next would), so that an imported permalink such as
  // /2019/05/story/ answers its 301 in one hop instead of 308 then 301.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ['@libsql/client', 'libsql', '@node-rs/argon2', 'sharp', 'redis', 'prom-client'],
  // Reader images are server-rendered <img> with a srcset (components/ui/responsive-image.tsx), written
  // into the HTML and again into its RSC payload. Five widths: phones at 1.75x–3x (750, 828, 1200) and
  // the 768 px column at 2x (1920); Next's default eight (up to 3840, past any stored image) made each
  // srcset almost twice as long.
  images: { deviceSizes: [640, 750, 828, 1200, 1920] },
  experimental: {
    // The most any action takes: a staff upload. scripts/server.mjs refuses larger bodies earlier, and
    // anything over a small form's size unless it goes to a staff page with a staff session.
    serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT },
    // Next copies a body for proxy.ts up to this size and cuts it off beyond (default 10 MB, less
    // than an upload with its form).
    proxyClientMaxBodySize: UPLOAD_BODY_LIMIT,
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/', has: [PAGE], destination: '/front/:page' },
        { source: '/', destination: '/front/1' },
        ...['sections', 'tags', 'authors'].flatMap((kind) => [
          { source: `/${kind}/:slug`, has: [PAGE], destination: `/${kind}/:slug/page/:page` },
          { source: `/${kind}/:slug`, destination: `/${kind}/:slug/page/1` },
        ]),
        // A search proxy.ts admitted to the cache (lib/search/cache-key.ts) goes to its cached page; that page's
        // own address, asked for directly (proxy.ts removed any key header a client sent), is a 404.
        { source: '/search', has: [{ type: 'header', key: SEARCH_KEY_HEADER, value: '(?<key>[A-Za-z0-9_-]+)' }], destination: `${SEARCH_CACHE_PATH}/:key` },
        {
          source: `${SEARCH_CACHE_PATH}/:key`,
          missing: [{ type: 'header', key: SEARCH_KEY_HEADER }],
          destination: `${SEARCH_CACHE_PATH}/${SEARCH_CACHE_NO_KEY}`,
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
