import { createClient } from 'redis';

// The readiness check's own Redis connection (one per process, kept open): PING with no offline queue,
// so a lost connection fails at once instead of waiting; the client reconnects by itself meanwhile.

type RedisClient = ReturnType<typeof createClient>;
const shared = globalThis as unknown as { __broadsheetHealthRedis?: RedisClient };

function healthClient(url: string): RedisClient {
  if (!shared.__broadsheetHealthRedis) {
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy: (retries: number) => Math.min(200 * (retries + 1), 2000) },
    });
    // Reported by the readiness answer; an unhandled 'error' event would end the process.
    client.on('error', () => {});
    void client.connect().catch(() => {});
    shared.__broadsheetHealthRedis = client;
  }
  return shared.__broadsheetHealthRedis;
}

export async function redisAnswers(url: string): Promise<void> {
  const client = healthClient(url);
  if (!client.isReady) throw new Error('not connected to Redis');
  const answer = await client.ping();
  if (answer !== 'PONG') throw new Error('unexpected answer from Redis');
}
