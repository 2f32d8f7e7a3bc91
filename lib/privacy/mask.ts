// Masked emails and addresses: enough for a moderator to recognise which rule matched, never enough to
// contact or locate the person. Reasons stored with a reply (and the audit log's notes) carry only these.

/** `jane.doe@example.com` → `j***@example.com`; the domain stays (it is what domain rules match). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}

/** `203.0.113.7` → `203.0.113.*` (the /24); `2001:db8:5::1` → `2001:db8:5:*` (at most the /48). */
export function maskAddress(address: string): string {
  const v = address.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return v.replace(/\.\d{1,3}$/, '.*');
  if (v.includes(':')) {
    const head = v.split('::')[0].split(':').filter(Boolean).slice(0, 3);
    return head.length ? `${head.join(':')}:*` : '*';
  }
  return '*';
}

/**
 * A disallowed-list entry as a reason may quote it: a domain entry (`*@spam.example`, `@spam.example`)
 * names nobody and stays; an exact email or address is masked.
 */
export function maskListEntry(entry: string): string {
  if (entry.startsWith('*@') || entry.startsWith('@')) return entry;
  return entry.includes('@') ? maskEmail(entry) : maskAddress(entry);
}
