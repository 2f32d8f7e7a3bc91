/** A list page number from a route segment; null for anything that is not 1..100000. */
export function parsePageNumber(value: string): number | null {
  if (!/^[1-9][0-9]{0,5}$/.test(value)) return null;
  const n = Number(value);
  return n <= 100_000 ? n : null;
}
