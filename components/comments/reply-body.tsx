import { parseReplyText, REPLY_LINK_REL } from '@/lib/replies/text';

/** Reply text is never HTML: paragraphs, line breaks and bare links, everything else as text. */
export function ReplyBody({ body }: { body: string }) {
  return (
    <div className="space-y-3">
      {parseReplyText(body).map((paragraph, p) => (
        <p key={p}>
          {paragraph.lines.map((line, l) => (
            <span key={l}>
              {l > 0 && <br />}
              {line.map((segment, s) =>
                segment.kind === 'link' ? (
                  <a key={s} href={segment.href} rel={REPLY_LINK_REL} className="break-all underline underline-offset-2">
                    {segment.text}
                  </a>
                ) : (
                  <span key={s}>{segment.text}</span>
                ),
              )}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
