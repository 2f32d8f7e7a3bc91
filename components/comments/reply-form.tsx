import { ReplyFormIsland } from './reply-form-island';

/**
 * The reply form: a plain <form> posting to a server action, so it works before and without
 * JavaScript. With JavaScript it keeps its state in place and "Reply" links retarget it. Its static
 * parts are rendered here, on the server, so they cost the island no JavaScript.
 */
export function ReplyForm({
  articleId,
  articleSlug,
  initialParent,
  offerNotify,
  modeNote,
}: {
  articleId: number;
  articleSlug: string;
  initialParent: { id: number; name: string } | null;
  /** Only when the site can send mail (SMTP_URL set). */
  offerNotify: boolean;
  /** The article's reply mode in words (lib/replies/reply-mode.ts replyModeNote), if not normal. */
  modeNote?: string | null;
}) {
  return (
    <ReplyFormIsland articleSlug={articleSlug} initialParent={initialParent} offerNotify={offerNotify}>
      <input type="hidden" name="articleId" value={articleId} />
      {modeNote && (
        <p className="rounded-sm border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">{modeNote}</p>
      )}
      {/* The honeypot: off-screen and hidden from assistive technology; only a bot fills it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="reply-company">Leave this field empty</label>
        <input id="reply-company" name="company" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </ReplyFormIsland>
  );
}
