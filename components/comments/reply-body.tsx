import { compactReplyText } from '@/lib/replies/thread-data';
import { ReplyText } from './reply-text';

/** Reply text is never HTML: paragraphs, line breaks and bare links, everything else as text. */
export function ReplyBody({ body }: { body: string }) {
  return <ReplyText paragraphs={compactReplyText(body)} />;
}
