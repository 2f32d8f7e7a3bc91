import { createClient, type InValue } from '@libsql/client';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STACK_TEST_DIR } from '../playwright.stack.config';
import type { StackInfo, StackSecrets } from '../scripts/stack/stack';

/** Where the running test stack is (written by the stack when ready, rewritten when an instance restarts). */
export function stackInfo(): StackInfo {
  return JSON.parse(readFileSync(path.join(STACK_TEST_DIR, 'stack.json'), 'utf8')) as StackInfo;
}

export function stackSecrets(): StackSecrets {
  return JSON.parse(readFileSync(path.join(STACK_TEST_DIR, 'secrets.json'), 'utf8')) as StackSecrets;
}

/** Reads or writes the stack's database on its libSQL server, with its token. */
export async function stackQuery<T = Record<string, unknown>>(sql: string, args: InValue[] = []): Promise<T[]> {
  const db = createClient({ url: stackInfo().databaseUrl, authToken: stackSecrets().databaseAuthToken });
  try {
    return (await db.execute({ sql, args })).rows as unknown as T[];
  } finally {
    db.close();
  }
}

/** Lines of a log written by the stack. */
export function logLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}
