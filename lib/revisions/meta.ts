const STATUS: Record<string, string> = { draft: 'draft', review: 'in review', scheduled: 'scheduled', published: 'published', unpublished: 'unpublished' };

/** What a revision's stored meta says for people: the article's status at that save and the save's note. */
export function revisionFacts(meta: unknown): { status: string | null; note: string | null } {
  const m = (meta && typeof meta === 'object' ? meta : {}) as { note?: unknown; status?: unknown };
  const note = typeof m.note === 'string' && m.note.trim() ? m.note.trim() : null;
  const status = typeof m.status === 'string' && m.status ? (STATUS[m.status] ?? m.status) : null;
  return { status, note };
}
