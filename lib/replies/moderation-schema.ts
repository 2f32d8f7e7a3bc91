import { safeReturnPath } from '@/lib/safe-redirect';
import { z } from 'zod';
import { REPLY_STATUSES } from '@/db/enums';

// The moderation desk's inputs, validated on the server.

const replyId = z.coerce.number({ message: 'Choose a reply.' }).int('Choose a reply.').positive('Choose a reply.');

export const DECISIONS = ['approve', 'unapprove', 'spam', 'trash', 'restore'] as const;
export type Decision = (typeof DECISIONS)[number];

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
  /** The Reported queue, across statuses. */
  view: z.enum(['reported']).optional().catch(undefined),
  /** Reported queue paging: the report id to continue below. */
  reportsBefore: z.coerce.number().int().positive().optional().catch(undefined),
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
  if (p.view) search.set('view', p.view);
  else search.set('status', p.status);
  if (p.reportsBefore) search.set('reportsBefore', String(p.reportsBefore));
  if (p.article) search.set('article', String(p.article));
  if (p.email) search.set('email', p.email);
  if (p.q) search.set('q', p.q);
  if (p.after) search.set('after', p.after);
  if (p.before) search.set('before', p.before);
  for (const [k, v] of Object.entries(extra)) search.set(k, v);
  return `/admin/comments?${search.toString()}`;
}

const commenterEmail = z.string().trim().toLowerCase().min(1, 'Choose a commenter.').max(254).pipe(z.email('Choose a commenter.'));

/** The commenter page's address: whose tools, and which desk page to go back to after an action. */
export const CommenterParamsSchema = z.object({ email: commenterEmail, back: z.string().max(500).optional() });

/** Where a desk action or page goes back to: a desk address the moderator came from, else the desk. */
export function deskReturn(value: string | undefined) {
  return safeReturnPath(value, '/admin/comments', '/admin/comments');
}

/** The commenter page for one email, returning to the desk page `back`. */
export function commenterHref(email: string, back: string) {
  return `/admin/comments/commenter?${new URLSearchParams({ email, back }).toString()}`;
}

export const SanctionSchema = z
  .object({
    email: commenterEmail,
    kind: z.enum(['ban', 'suspend', 'hold'], { message: 'Choose ban, suspend or always hold.' }),
    until: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === '') return null;
        const d = new Date(`${v}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime())) {
          ctx.addIssue({ code: 'custom', message: 'Give the end of the suspension as a date.' });
          return z.NEVER;
        }
        return d;
      }),
    reason: z.string().trim().min(1, 'Give a reason; it is shown to other moderators.').max(300, 'Keep the reason under 300 characters.'),
    includeAddress: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    returnTo: z.string().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'suspend') return;
    if (!v.until) ctx.addIssue({ code: 'custom', path: ['until'], message: 'A suspension needs an end date.' });
    else if (v.until.getTime() <= Date.now()) ctx.addIssue({ code: 'custom', path: ['until'], message: 'The end of a suspension must be in the future.' });
  });

export const LiftSanctionSchema = z.object({ id: replyId, returnTo: z.string().max(500).optional() });

export const RemoveRepliesSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('commenter'), email: commenterEmail, returnTo: z.string().max(500).optional() }),
  z.object({ scope: z.literal('thread'), replyId, returnTo: z.string().max(500).optional() }),
]);

export const DismissReportsSchema = z.object({
  ids: z.array(replyId).min(1, 'Select at least one reply.').max(200),
  returnTo: z.string().max(500).optional(),
});

export const EraseCommenterSchema = z.object({
  email: commenterEmail,
  confirm: z.literal('yes', { message: 'Tick the box to confirm: erasing cannot be undone.' }),
  returnTo: z.string().max(500).optional(),
});
