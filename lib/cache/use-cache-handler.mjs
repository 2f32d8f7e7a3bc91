// Next's `cacheHandlers.default` / `.remote` with REDIS_URL set (next.config.ts): every 'use cache'
// entry and the tags that invalidate it, shared by every instance. Next imports the object as it is.
import { getRedisCacheComponentsHandler } from '@trieb.work/nextjs-turbo-redis-cache';
import { redisCacheOptions } from './redis-options.mjs';

export default getRedisCacheComponentsHandler(redisCacheOptions());
