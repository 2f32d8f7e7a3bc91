import type { NextConfig } from 'next';

// Reader lists page with `?page=N`. Query strings are request-time data, which would make every list
// render per request; mapping them onto path segments lets each page of each list be cached whole.
const PAGE = { type: 'query' as const, key: 'page', value: '(?<page>[1-9][0-9]{0,5})' };

const nextConfig: NextConfig = {
  // A second build folder lets a developer try a build while tests run on the main one.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  cacheComponents: true,
  partialPrefetching: false,
  poweredByHeader: false,
  // proxy.ts removes trailing slashes itself (308, as Next would), so that an imported permalink such as
  // /2019/05/story/ answers its 301 in one hop instead of 308 then 301.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ['@libsql/client', 'libsql', '@node-rs/argon2', 'sharp'],
  experimental: {
    serverActions: { bodySizeLimit: '12mb' },
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
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
