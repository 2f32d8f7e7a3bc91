import { existsSync, readFileSync } from 'node:fs';
import { QUERY_LOG_FILE } from './paths';

/** Lines in the server's query log: it appends one line per SQL statement, synchronously. */
export function queryLogLines(): number {
  if (!existsSync(QUERY_LOG_FILE)) return 0;
  const text = readFileSync(QUERY_LOG_FILE, 'utf8');
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export const queryLogExists = () => existsSync(QUERY_LOG_FILE);
