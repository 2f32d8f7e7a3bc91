import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { env } from '../env';
import { log } from '../log';

// Notices between the instances of one site, over Redis publish/subscribe (REDIS_URL). Used for state
// that each process keeps in memory, such as the redirect table the proxy answers from. Without
// REDIS_URL there is one instance and nobody to tell: both functions do nothing.

export type Topic = 'redirects';

type Publisher = ReturnType<typeof createClient>;
// One publisher per process: route handlers, actions and instrumentation are bundled apart.
const shared = globalThis as unknown as { __broadsheetPublisher?: Promise<Publisher>; __broadsheetInstanceId?: string };
const instanceId = (shared.__broadsheetInstanceId ??= randomUUID());

const channel = (topic: Topic) => `${env.REDIS_KEY_PREFIX}:notice:${topic}`;

function publisher(): Promise<Publisher> {
  if (!shared.__broadsheetPublisher) {
    const client = createClient({ url: env.REDIS_URL });
    client.on('error', (err: Error) => log.error({ component: 'broadcast', err }, 'redis'));
    shared.__broadsheetPublisher = client.connect().then(() => client as Publisher);
    // A failed first connection is tried again on the next notice.
    shared.__broadsheetPublisher.catch(() => (shared.__broadsheetPublisher = undefined));
  }
  return shared.__broadsheetPublisher;
}

/**
 * Tells every other instance that `topic` changed. Never holds up the caller for more than a second;
 * a failure only logs (the others catch up when their own connection comes back).
 */
export async function broadcast(topic: Topic): Promise<void> {
  if (!env.REDIS_URL) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer from Redis within 1 s')), 1000);
  });
  try {
    await Promise.race([publisher().then((p) => p.publish(channel(topic), instanceId)), timeout]);
  } catch (err) {
    log.error({ component: 'broadcast', topic, err }, 'could not announce a change');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls `onChange` whenever another instance announces `topic`, and after every reconnection to Redis
 * (a notice may have been missed while the connection was down). Returns once subscribed.
 */
export async function onBroadcast(topic: Topic, onChange: () => void): Promise<void> {
  if (!env.REDIS_URL) return;
  const subscriber = createClient({ url: env.REDIS_URL });
  let connectedBefore = false;
  subscriber.on('error', (err: Error) => log.error({ component: 'broadcast', err }, 'redis'));
  subscriber.on('ready', () => {
    if (connectedBefore) onChange();
    connectedBefore = true;
  });
  await subscriber.connect();
  await subscriber.subscribe(channel(topic), (from) => {
    if (from !== instanceId) onChange();
  });
}
