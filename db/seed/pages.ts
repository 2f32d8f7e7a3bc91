import type { Database } from '../index';
import { pageRevisions, pages } from '../schema';

// The demo newsroom's own pages: who runs Broadsheet and how to reach it, and the standards it holds
// itself to (the Trust Project's indicators: best practices, corrections, ownership and funding,
// contact). Published and in the footer, in this order. Everything here is invented, like the rest of
// the demo content.

export type DemoPage = { slug: string; title: string; body: string };

export const demoPages: DemoPage[] = [
  {
    slug: 'about',
    title: 'About',
    body: `Broadsheet is an independent, reader-funded news site for Harbourton and the Wend valley. We report on the city council, the port, the schools and hospitals, the courts, the arts and the clubs that fill our weekends, and we publish every story free to read.

## Our mission

Local news tells a city what it needs to know to govern itself. We aim to report Harbourton accurately, fairly and in the open: to explain decisions before they are taken, to hold people with power to account, and to give room to the people those decisions affect.

## Who owns and funds us

Broadsheet is published by Broadsheet Media CIC, a community interest company registered in Harbourton. No shareholder takes a dividend: every pound we earn goes back into journalism.

- **Readers** give about 70% of our income through monthly memberships.
- **Advertising** from local businesses brings in about 20%. Advertisers have no say over what we report, and advertising is always labelled.
- **Grants** from charitable foundations make up the rest. We list every grant over £5,000 in our annual report, with the funder's name.

## Who we are

Our newsroom has six people. Margaret Okafor is editor-in-chief and is responsible for everything we publish. Daniel Whitcombe is news editor. Priya Raman covers city hall and housing, Isla Brennan business and culture, Marcus Feld sport, and Tom Ashdown looks after our community and comments. Every article names who wrote it; each reporter's page lists their work.

## How we work

We follow our [ethics policy](/ethics-policy) and correct our mistakes openly under our [corrections policy](/corrections-policy). News reports and opinion are kept apart and labelled. If you think we have got something wrong, or you have a story we should hear, please [get in touch](/contact).`,
  },
  {
    slug: 'contact',
    title: 'Contact',
    body: `We read everything we are sent. We cannot always reply to every message, but a person sees each one.

## News tips

Tell us what is happening: **news@example.com**, or call the newsdesk on 01632 960 400 (weekdays 8am to 6pm). If you want to share documents or talk in confidence, say so in your first message and an editor will tell you how we can protect you as a source. Never send us anything that could identify you if you are not sure it is safe.

## Corrections

If you think we have made a mistake, write to **corrections@example.com** with the article's address and what you believe is wrong. An editor reviews every request, normally within one working day. Our [corrections policy](/corrections-policy) explains what happens next.

## Letters and opinion

Letters for publication go to **letters@example.com**. Please include your name and the part of Harbourton you live in; we do not publish anonymous letters, and we may shorten them.

## Comments

Questions about a comment, or about moderation, go to our community editor at **community@example.com**. To report a comment, use the "Report" link beside it.

## Our office

Broadsheet, 14 Chandlers Row, Harbourton HB1 4QT. Visitors are welcome by appointment.

## Memberships and advertising

Memberships: **members@example.com**. Advertising: **advertising@example.com**. Neither team has any say over our journalism.`,
  },
  {
    slug: 'corrections-policy',
    title: 'Corrections policy',
    body: `We try to get everything right. When we do not, we say so, clearly and quickly, in the place readers will see it.

## How to ask for a correction

Write to **corrections@example.com**, or use the details on our [contact page](/contact). Tell us which article, what you believe is wrong, and how you know. An editor, never the reporter alone, reviews every request, normally within one working day.

## What we do

- **Errors of fact** (a wrong name, date, figure or quotation) are corrected in the article itself, and a dated note at the end of the article says what was wrong and what we changed. We do not quietly rewrite published stories.
- **Serious errors**, ones that changed the meaning of a story or were unfair to someone, are corrected the same way, and the correction is also listed in our corrections feed. Where an article was unfair to a person, we offer them the chance to respond.
- **Clarifications** are added where a story was accurate but could be misread, or where it left out something that matters.
- **Updates** to a developing story are marked with the time they were made; they are not corrections.
- **Spelling and typing slips** that do not change the meaning are fixed without a note.

## Removing articles

We do not remove published articles because someone would rather they were not there. We will consider updating or anonymising a story about a minor crime or a private person after a long time has passed, or where keeping a name puts someone at risk. The editor-in-chief decides, and keeps a record of every such decision.

## If you are not satisfied

If you are unhappy with our answer, write to the editor-in-chief, Margaret Okafor, at **editor@example.com**. She will reply personally.`,
  },
  {
    slug: 'ethics-policy',
    title: 'Ethics policy',
    body: `This is how Broadsheet's journalists work. It applies to everyone who writes, edits or takes pictures for us, staff and freelance alike.

## Accuracy and fairness

- We check facts before we publish them, with the best available source, and we say how we know what we report.
- We give people and organisations we criticise a fair chance to respond before publication, and we report their response.
- We keep news and opinion apart. Opinion, analysis and reviews are labelled as such.
- We do not invent, composite or alter quotations, and we do not manipulate photographs beyond normal adjustments of light and colour.

## Independence

- No advertiser, funder or member influences what we cover or how. Sponsored content is labelled and is never written by our newsroom.
- Our journalists do not accept gifts, travel or hospitality worth more than a cup of coffee from people they report on. Review tickets are accepted only for the performance under review, and we say so.
- Staff declare any interest, such as a family member on the council or shares in a local company, to the editor-in-chief, and do not report on it.

## Sources

- We name our sources wherever we can. We grant anonymity only when a source would face real harm, and only when the information cannot be had another way. An editor must know who an anonymous source is, and we tell readers why we granted anonymity.
- We protect the identity of confidential sources.

## Minimising harm

- We take particular care with children, victims of crime, people who are grieving and people in vulnerable situations. We do not identify children in criminal cases, and we report suicide following the Samaritans' guidelines.
- We do not use deception or secret recording unless there is a clear public interest and no other way to get the story, and only with the editor-in-chief's approval.

## Mistakes and complaints

We correct our mistakes openly, as our [corrections policy](/corrections-policy) sets out. Complaints about our conduct go to the editor-in-chief at **editor@example.com**.

## Comments

Our readers' comments are moderated by our community editor. We remove comments that are abusive, discriminatory, defamatory or off topic, and spam. We do not edit what readers write, other than to remove personal information.`,
  },
];

/**
 * The demo pages, published, in the footer in the order above, each with its first revision. Pages
 * that already exist (by slug) are left as they are, so seeding twice changes nothing.
 */
export async function seedDemoPages(db: Database, createdById: number | null, now = new Date()): Promise<void> {
  for (const [i, p] of demoPages.entries()) {
    const [row] = await db
      .insert(pages)
      .values({ ...p, status: 'published', footerPosition: i + 1, publishedAt: now, createdById, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: pages.slug })
      .returning({ id: pages.id });
    if (!row) continue;
    await db
      .insert(pageRevisions)
      .values({ pageId: row.id, title: p.title, body: p.body, slug: p.slug, status: 'published', note: 'Published', createdById, createdAt: now });
  }
}
