// A mail error as the system page shows it: an SMTP server's message often names the recipient
// ("550 5.1.1 <reader@example.org>: Recipient address rejected"), and the page must not.

const EMAIL = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;

export function withoutAddresses(message: string, max = 300): string {
  const text = message.replace(EMAIL, '[address]').replace(IPV4, '[address]').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
