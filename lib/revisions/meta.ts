const STATUS: Record<string, string> = { draft: 'draft', review: 'in review', scheduled: 'scheduled', published: 'published', unpublished: 'unpublished' };

/** What a revision's stored meta says for people: the article's status at that save and the save's note. */
export function revisionFacts(meta: unknown): { status: string | null; note: string | null } {
  const m = (meta && typeof meta === 'object' ? meta : {}) as { note?: unknown; status?: unknown; pending?: unknown };
  const note = typeof m.note === 'string' && m.note.trim() ? m.note.trim() : null;
  // Changes saved to a published article that readers did not see yet (see saveArticle).
  if (m.pending === true) return { status: 'pending changes', note };
  const status = typeof m.status === 'string' && m.status ? (STATUS[m.status] ?? m.status) : null;
  return { status, note };
}
