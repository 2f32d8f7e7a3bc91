// Options shared by both Redis cache handlers (incremental-handler.mjs and use-cache-handler.mjs).
// Plain JavaScript because Next imports these files itself at run time, outside its bundles.
// lib/env.ts validates REDIS_URL and REDIS_KEY_PREFIX when the server starts.
import { readFileSync } from 'node:fs';
import path from 'node:path';

function buildId(serverDistDir) {
  const distDir = serverDistDir ? path.join(serverDistDir, '..') : path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next');
  try {
    return readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'no-build';
  }
}

/**
 * `redis://host:port/2` picks database 2 (the package would otherwise pick 1 unless
 * VERCEL_ENV=production). The key prefix carries the build id: a new build starts with an empty
 * cache instead of reading pages rendered by different code.
 */
export function redisCacheOptions(serverDistDir) {
  const redisUrl = process.env.REDIS_URL;
  const database = Number(new URL(redisUrl).pathname.slice(1) || 0);
  return {
    redisUrl,
    database,
    keyPrefix: `${process.env.REDIS_KEY_PREFIX || 'broadsheet'}:${buildId(serverDistDir)}:`,
    // Both default on; each keeps a per-process copy of what Redis answered (10 s), which cost about
    // 40% of cached throughput here and lets an instance serve a page another one has just invalidated.
    redisGetDeduplication: false,
    inMemoryCachingTime: 0,
    // A read slower than this counts as a miss and the page is rendered again. The package's 500 ms
    // was exceeded under load on two cores (a busy event loop, not a slow Redis), and every such
    // miss added a render to the load.
    getTimeoutMs: Number(process.env.REDIS_COMMAND_TIMEOUT_MS) || 2000,
  };
}
