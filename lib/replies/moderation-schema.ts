import { z } from 'zod';
import { REPLY_STATUSES } from '@/db/schema';

// The moderation desk's inputs, validated on the server.

const replyId = z.coerce.number({ message: 'Choose a reply.' }).int('Choose a reply.').positive('Choose a reply.');

export const DECISIONS = ['approve', 'unapprove', 'spam', 'trash', 'restore'] as const;

export const DecisionSchema = z.object({
  ids: z.array(replyId).min(1, 'Select at least one reply.').max(200, 'Act on at most 200 replies at once.'),
  decision: z.enum(DECISIONS, { message: 'Choose approve, unapprove, spam, trash or restore.' }),
  returnTo: z.string().max(500).optional(),
});

export const UndoSchema = z.object({
  logIds: z
    .string()
    .regex(/^[1-9][0-9]*(,[1-9][0-9]*){0,199}$/, 'There is nothing to undo.')
    .transform((v) => v.split(',').map(Number)),
  returnTo: z.string().max(500).optional(),
});

const replyText = (empty: string) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, empty).max(5000, 'Please keep the reply under 5,000 characters.'));

export const StaffReplySchema = z.object({ parentId: replyId, body: replyText('Please type a reply.') });
export const EditReplySchema = z.object({ id: replyId, body: replyText('A reply cannot be empty; trash it instead.') });

/** The desk's address parameters: unknown values fall back to the pending queue, never an error. */
export const QueueParamsSchema = z.object({
  status: z.enum(REPLY_STATUSES).catch('pending'),
  article: z.coerce.number().int().positive().optional().catch(undefined),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  after: z
    .string()
    .regex(/^\d+:\d+$/)
    .optional()
    .catch(undefined),
  before: z
    .string()
    .regex(/^\d+:\d+$/)
    .optional()
    .catch(undefined),
});

export type QueueParams = z.infer<typeof QueueParamsSchema>;

export function parseCursor(v: string | undefined) {
  if (!v) return undefined;
  const [createdAt, id] = v.split(':').map(Number);
  return { createdAt, id };
}

/** The desk address for a queue and filters (drops empty ones), optionally with a notice. */
export function queueHref(p: Partial<Omit<QueueParams, 'status'>> & { status: QueueParams['status'] }, extra: Record<string, string> = {}) {
  const search = new URLSearchParams();
  search.set('status', p.status);
  if (p.article) search.set('article', String(p.article));
  if (p.email) search.set('email', p.email);
  if (p.q) search.set('q', p.q);
  if (p.after) search.set('after', p.after);
  if (p.before) search.set('before', p.before);
  for (const [k, v] of Object.entries(extra)) search.set(k, v);
  return `/admin/comments?${search.toString()}`;
}
