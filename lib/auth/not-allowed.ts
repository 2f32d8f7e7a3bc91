// The words of the page a role may not see ("You are not allowed to see this page"), shared
// by the admin pages' own check (components/admin/not-allowed.tsx) and the 403 the gate answers before
// rendering (lib/auth/admin-gate.ts), so both say the same.

export const NOT_ALLOWED = {
  title: 'Not allowed',
  heading: 'You are not allowed to see this page',
  explanation: 'Your account’s role does not include this page. If you need it, ask an administrator.',
  back: { href: '/admin', label: 'Back to the newsroom' },
} as const;

/** The words of the 404 the gate answers for an admin record that does not exist. */
export const ADMIN_NOT_FOUND = {
  title: 'Page not found',
  heading: 'Page not found',
  explanation: 'There is nothing at this address in the newsroom: it may have been deleted, or the link is wrong.',
  back: { href: '/admin', label: 'Back to the dashboard' },
} as const;

export const notAllowedHtml = () => plainPageHtml(NOT_ALLOWED);
export const adminNotFoundHtml = () => plainPageHtml(ADMIN_NOT_FOUND);

type PlainPage = { title: string; heading: string; explanation: string; back: { href: string; label: string } };

/** A complete, plain HTML page (no script; a few lines of style): it works without JavaScript. */
function plainPageHtml({ title, heading, explanation, back }: PlainPage): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} — Broadsheet</title>
<style>
body{margin:0;background:#faf9f5;color:#1a1a1a;font:1rem/1.6 system-ui,sans-serif}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}
h1{font:700 2rem/1.2 Georgia,serif;margin:1.5rem 0 1rem}
a{color:inherit}
@media (prefers-color-scheme:dark){body{background:#151515;color:#eee}}
</style>
</head>
<body>
<main>
<p><a href="/">Broadsheet</a></p>
<h1>${heading}</h1>
<p>${explanation}</p>
<p><a href="${back.href}">${back.label}</a></p>
</main>
</body>
</html>
`;
}
