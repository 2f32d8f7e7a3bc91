// Next's `cacheHandler` with REDIS_URL set (next.config.ts): whole pages and route handler
// responses, shared by every instance. Next constructs it with its own context.
import CachedHandler from '@trieb.work/nextjs-turbo-redis-cache';
import { redisCacheOptions } from './redis-options.mjs';

export default class RedisIncrementalCache extends CachedHandler {
  constructor(context = {}) {
    super({ ...redisCacheOptions(context.serverDistDir), serverDistDir: context.serverDistDir });
  }
}
