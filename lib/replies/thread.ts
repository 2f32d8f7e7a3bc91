// Turns a flat, time-ordered list of replies into a thread tree.
export type ThreadNode<T> = { reply: T; children: ThreadNode<T>[] };

export function buildThread<T extends { id: number; parentId: number | null }>(replies: T[]): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>();
  for (const reply of replies) nodes.set(reply.id, { reply, children: [] });
  const roots: ThreadNode<T>[] = [];
  for (const reply of replies) {
    const node = nodes.get(reply.id)!;
    const parent = reply.parentId !== null ? nodes.get(reply.parentId) : undefined;
    // A reply whose parent is not shown (held, removed) is shown at the top level rather than lost.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
