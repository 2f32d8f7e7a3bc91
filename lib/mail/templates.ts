// The words of every mail Broadsheet sends. Plain text: it reads everywhere and carries no markup risk.
import { UNSUBSCRIBE_LINK_DAYS } from './signed-link';

export type MailContent = { subject: string; text: string };

const excerpt = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function replyApprovedMail(args: { name: string; articleTitle: string; replyUrl: string; unsubscribeUrl: string }): MailContent {
  return {
    subject: `Your comment on “${args.articleTitle}” is published`,
    text: [
      `Hello ${args.name},`,
      '',
      `A moderator has approved your comment on “${args.articleTitle}”. It is on the page now:`,
      args.replyUrl,
      '',
      'You asked to hear about replies to your comment; we will write again when someone answers.',
      '',
      `Stop these emails (the link works for ${UNSUBSCRIBE_LINK_DAYS} days): ${args.unsubscribeUrl}`,
    ].join('\n'),
  };
}

export function newAnswerMail(args: {
  name: string;
  answerName: string;
  answerBody: string;
  articleTitle: string;
  answerUrl: string;
  unsubscribeUrl: string;
}): MailContent {
  return {
    subject: `${args.answerName} replied to your comment on “${args.articleTitle}”`,
    text: [
      `Hello ${args.name},`,
      '',
      `${args.answerName} replied to your comment on “${args.articleTitle}”:`,
      '',
      excerpt(args.answerBody)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n'),
      '',
      `Read it and answer: ${args.answerUrl}`,
      '',
      `Stop these emails (the link works for ${UNSUBSCRIBE_LINK_DAYS} days): ${args.unsubscribeUrl}`,
    ].join('\n'),
  };
}

export function pendingDigestMail(args: { name: string; pending: number; oldestMinutes: number; deskUrl: string }): MailContent {
  const age = args.oldestMinutes < 120 ? `${args.oldestMinutes} minutes` : `${Math.round(args.oldestMinutes / 60)} hours`;
  return {
    subject: `${args.pending} ${args.pending === 1 ? 'reply is' : 'replies are'} waiting for moderation`,
    text: [
      `Hello ${args.name},`,
      '',
      `${args.pending} ${args.pending === 1 ? 'reply is' : 'replies are'} waiting in the moderation queue; the oldest has waited ${age}.`,
      '',
      `Open the desk: ${args.deskUrl}`,
      '',
      'You get this digest because you turned it on in your profile; turn it off there.',
    ].join('\n'),
  };
}

export function reviewRequestMail(args: { name: string; articleTitle: string; submittedBy: string; byline: string[]; editUrl: string }): MailContent {
  const byline = args.byline.length ? new Intl.ListFormat('en-GB').format(args.byline) : null;
  return {
    subject: `Review requested: “${args.articleTitle}”`,
    text: [
      `Hello ${args.name},`,
      '',
      `${args.submittedBy} submitted “${args.articleTitle}” for review.`,
      ...(byline && byline !== args.submittedBy ? [`Byline: ${byline}`] : []),
      '',
      `Read it, then publish, schedule or send it back: ${args.editUrl}`,
      '',
      'You get this because you can publish articles on Broadsheet.',
    ].join('\n'),
  };
}
