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
}: {
  articleId: number;
  articleSlug: string;
  initialParent: { id: number; name: string } | null;
  /** Only when the site can send mail (SMTP_URL set). */
  offerNotify: boolean;
}) {
  return (
    <ReplyFormIsland articleSlug={articleSlug} initialParent={initialParent} offerNotify={offerNotify}>
      <input type="hidden" name="articleId" value={articleId} />
      {/* The honeypot: off-screen and hidden from assistive technology; only a bot fills it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="reply-company">Leave this field empty</label>
        <input id="reply-company" name="company" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </ReplyFormIsland>
  );
}
