// Next's `cacheHandler` with REDIS_URL set (next.config.ts): whole pages and route handler
// responses, shared by every instance. Next constructs it with its own context.
import CachedHandler from '@trieb.work/nextjs-turbo-redis-cache';
import { redisCacheOptions } from './redis-options.mjs';

// Next 16.4 takes a page's lifetime from the entry when the handler returns it as `cacheControl`;
// the package does not keep it, and an instance that did not render a page itself would then count
// it stale after one second and render it again. It travels inside the stored value instead.
const CACHE_CONTROL = '__broadsheetCacheControl';

// Next constructs a handler per request; the options (which read BUILD_ID from disk) are worked out once.
let options;

export default class RedisIncrementalCache extends CachedHandler {
  constructor(context = {}) {
    options ??= { ...redisCacheOptions(context.serverDistDir), serverDistDir: context.serverDistDir };
    super(options);
  }

  async set(key, data, ctx) {
    const value = data && ctx?.cacheControl ? { ...data, [CACHE_CONTROL]: ctx.cacheControl } : data;
    return super.set(key, value, ctx);
  }

  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    const cacheControl = entry?.value?.[CACHE_CONTROL];
    if (!cacheControl) return entry;
    const value = { ...entry.value };
    delete value[CACHE_CONTROL];
    return { ...entry, value, cacheControl };
  }
}
