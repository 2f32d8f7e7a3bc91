import { optBackInToMail, optOutOfMail } from '@/db/queries/mail';
import { verifyUnsubscribe } from '@/lib/mail/signed-link';
import { appSecret } from '@/lib/secret';

// One-click unsubscribe from reply notifications: the link in every mail (GET) and the
// List-Unsubscribe-Post header's POST (RFC 8058). The signed link is the permission; no account.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} · Broadsheet</title>
<style>body{font:18px/1.5 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;background:#faf9f6}h1{font-size:2rem}button{font:600 16px system-ui,sans-serif;padding:.5rem 1rem;border:1px solid #1a1a1a;background:#fff;border-radius:2px;cursor:pointer}a{color:#8b1a1a}</style></head>
<body><p><a href="/">Broadsheet</a></p><h1>${escape(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

function signedEmail(request: Request) {
  const url = new URL(request.url);
  return { email: verifyUnsubscribe(url.searchParams.get('e'), url.searchParams.get('s'), appSecret()), search: url.search, again: url.searchParams.get('again') === '1' };
}

const refused = () => page(400, 'This link does not work', '<p>The unsubscribe link is incomplete or was changed. Please use the link from the email exactly as it came.</p>');

export async function GET(request: Request) {
  const { email, search } = signedEmail(request);
  if (!email) return refused();
  await optOutOfMail(email);
  const again = new URLSearchParams(search);
  again.set('again', '1');
  return page(
    200,
    'You are unsubscribed',
    `<p>We will send no more reply notifications to <strong>${escape(email)}</strong>.</p>
<form method="post" action="/unsubscribe?${escape(again.toString())}"><button>Subscribe again</button></form>`,
  );
}

export async function POST(request: Request) {
  const { email, again } = signedEmail(request);
  if (!email) return refused();
  if (again) {
    await optBackInToMail(email);
    return page(200, 'You are subscribed again', `<p>Reply notifications will reach <strong>${escape(email)}</strong> again, for comments where you ask for them.</p>`);
  }
  await optOutOfMail(email);
  return page(200, 'You are unsubscribed', `<p>We will send no more reply notifications to <strong>${escape(email)}</strong>.</p>`);
}
