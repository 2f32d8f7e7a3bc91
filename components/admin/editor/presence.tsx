'use client';

import { useEffect, useRef, useState } from 'react';
import { editorHeartbeatAction, takeOverArticleAction } from '@/app/admin/articles/[id]/actions';
import { smallButton } from '@/components/ui/styles';

/** How often an open editor says it is still there. */
export const HEARTBEAT_MS = 15_000;

export type Editors = { others: { name: string; holds: boolean }[]; holds: boolean };

/**
 * Who else has this article open (like WordPress's post lock, without locking anyone out), with
 * "Take over". Beats every HEARTBEAT_MS while the page is open; when someone takes the article over
 * from this editor, `onTakenOver` keeps their text and the save buttons stop.
 */
export function EditingPresence({
  articleId,
  initial,
  onTakenOver,
  timeZone,
}: {
  articleId: number;
  initial: Editors;
  timeZone: string;
  onTakenOver: (by: { by: string; at: number }) => void;
}) {
  const [editors, setEditors] = useState(initial);
  const [takenOver, setTakenOver] = useState<{ by: string; at: number } | null>(null);
  const handler = useRef(onTakenOver);
  useEffect(() => {
    handler.current = onTakenOver;
  }, [onTakenOver]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const beat = async (first: boolean) => {
      const answer = await editorHeartbeatAction({ articleId, first }).catch(() => null);
      if (stopped) return;
      if (answer && !('error' in answer)) {
        if (answer.takenOver) {
          setTakenOver(answer.takenOver);
          handler.current(answer.takenOver);
          return;
        }
        setEditors({ others: answer.others, holds: answer.holds });
      }
      timer = setTimeout(() => void beat(false), HEARTBEAT_MS);
    };
    void beat(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [articleId]);

  if (takenOver) {
    const time = new Date(takenOver.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
    return (
      <div role="alert" className="mb-4 rounded-sm border-2 border-amber-700 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
        <p className="font-semibold">
          {takenOver.by} took this article over at {time}.
        </p>
        <p>
          Your text is kept as unsaved changes, and saving here is stopped.{' '}
          <a href={`/admin/articles/${articleId}`} className="font-semibold underline">
            Reopen the article
          </a>{' '}
          to see their changes and restore yours.
        </p>
      </div>
    );
  }
  if (!editors.others.length) return null;
  const holder = editors.others.find((o) => o.holds);
  const names = editors.others.map((o) => o.name).join(', ');
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-sm border border-sky-700/50 bg-sky-50 p-3 text-sm dark:bg-sky-950/40"
    >
      <p>
        <strong>{holder ? `${holder.name} is editing this article.` : `Also open now: ${names}.`}</strong>{' '}
        {holder && editors.others.length > 1 && <>Also open: {names}. </>}
        If you both save, the later save is refused and shown the difference, so nothing is lost.
      </p>
      {holder && (
        <form action={takeOverArticleAction}>
          <input type="hidden" name="articleId" value={articleId} />
          <button type="submit" className={smallButton}>
            Take over
          </button>
        </form>
      )}
    </div>
  );
}
