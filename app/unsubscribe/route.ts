import { isOptedOut, optBackInToMail, optOutOfMail } from '@/db/queries/mail';
import { resubscribeFields, UNSUBSCRIBE_LINK_DAYS, verifyResubscribe, verifyUnsubscribe, type SignedFields, type Verified } from '@/lib/mail/signed-link';
import { appSecret } from '@/lib/secret';

// Unsubscribing from reply notifications, with no account: the signed link in every mail is the
// permission. Opening the link (GET) changes nothing, since mail scanners open links: it shows a page
// whose button POSTs. A POST to the link's own address unsubscribes, which is also RFC 8058's one-click
// POST (`List-Unsubscribe=One-Click`, sent by mail clients without cookies), so it needs no other
// token: it is idempotent and can only unsubscribe. Subscribing again is its own step: a button on the
// page after unsubscribing, carrying a signature of its own (lib/mail/signed-link.ts).

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} · Broadsheet</title>
<style>body{font:18px/1.5 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;background:#faf9f6}h1{font-size:2rem}button{font:600 16px system-ui,sans-serif;padding:.5rem 1rem;border:1px solid #1a1a1a;background:#fff;border-radius:2px;cursor:pointer}a{color:#8b1a1a}</style></head>
<body><p><a href="/">Broadsheet</a></p><h1>${escape(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

const linkFields = (request: Request) => {
  const params = new URL(request.url).searchParams;
  return { e: params.get('e'), x: params.get('x'), s: params.get('s') };
};

const hidden = (fields: SignedFields) =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('');

function refused(result: Extract<Verified, { ok: false }>) {
  if (result.reason === 'expired') {
    return page(
      410,
      'This link has expired',
      `<p>Unsubscribe links work for ${UNSUBSCRIBE_LINK_DAYS} days. Every reply notification carries a fresh one: please use the link in the latest email.</p>`,
    );
  }
  return page(
    400,
    'This link does not work',
    '<p>The unsubscribe link is incomplete or was changed. Please use the link from the email exactly as it came.</p>',
  );
}

function unsubscribed(email: string) {
  return page(
    200,
    'You are unsubscribed',
    `<p>We will send no more reply notifications to <strong>${escape(email)}</strong>.</p>
<p>Changed your mind?</p><form method="post" action="/unsubscribe"><input type="hidden" name="action" value="resubscribe">${hidden(resubscribeFields(email, appSecret()))}<button>Subscribe again</button></form>`,
  );
}

export async function GET(request: Request) {
  const fields = linkFields(request);
  const link = verifyUnsubscribe(fields, appSecret());
  if (!link.ok) return refused(link);
  if (await isOptedOut(link.email)) return unsubscribed(link.email);
  const action = `/unsubscribe?${new URLSearchParams(fields as SignedFields).toString()}`;
  return page(
    200,
    'Unsubscribe from reply notifications?',
    `<p>Reply notifications go to <strong>${escape(link.email)}</strong> for the comments where you asked for them. Unsubscribing stops all of them.</p>
<form method="post" action="${escape(action)}"><button>Unsubscribe</button></form>`,
  );
}

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === 'string' ? value : null;
  };
  if (field('action') === 'resubscribe') {
    const again = verifyResubscribe({ e: field('e'), x: field('x'), s: field('s') }, appSecret());
    if (!again.ok) return refused(again);
    await optBackInToMail(again.email);
    return page(
      200,
      'You are subscribed again',
      `<p>Reply notifications will reach <strong>${escape(again.email)}</strong> again, for comments where you ask for them.</p>`,
    );
  }
  // The link's own address: the button on the GET page, or a mail client's one-click POST.
  const link = verifyUnsubscribe(linkFields(request), appSecret());
  if (!link.ok) return refused(link);
  await optOutOfMail(link.email);
  return unsubscribed(link.email);
}
