// The words of the page a role may not see (DESIGN.md: "You are not allowed to see this page"), shared
// by the admin pages' own check (components/admin/not-allowed.tsx) and the 403 the gate answers before
// rendering (lib/auth/admin-gate.ts), so both say the same.

export const NOT_ALLOWED = {
  title: 'Not allowed',
  heading: 'You are not allowed to see this page',
  explanation: 'Your account’s role does not include this page. If you need it, ask an administrator.',
  back: { href: '/admin', label: 'Back to the newsroom' },
} as const;

/** A complete, plain HTML page (no script, no style): it works without JavaScript and under any CSP. */
export function notAllowedHtml(): string {
  const { title, heading, explanation, back } = NOT_ALLOWED;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} — Broadsheet</title>
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
