import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every server action is a public POST endpoint. Staff actions are made with the one guarded wrapper
// (lib/auth/staff-action.ts), so none can forget the session, permission or input check. Reader actions
// (no session to check) are listed here by name, each doing its own zod parse.

const ROOT = join(__dirname, '..', '..');
const WRAPPERS = ['staffAction', 'staffRedirectAction', 'staffCall'];
const PUBLIC_ACTIONS: Record<string, string[]> = {
  'app/(site)/articles/[slug]/actions.ts': ['postReplyAction'],
  'app/(site)/articles/[slug]/report/[replyId]/actions.ts': ['reportReplyAction'],
  'app/(auth)/login/actions.ts': ['signInAction', 'signOutAction'],
};

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return actionFiles(path);
    return name === 'actions.ts' ? [relative(ROOT, path)] : [];
  });
}

/** Each exported value: its name and how it is made (`staffAction(`, `async function`, …). */
function exportsOf(source: string) {
  const found: { name: string; madeWith: string }[] = [];
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(function|const|let|var|class)\s+(\w+)\s*(?:=\s*(\w+)?)?/gm)) {
    found.push({ name: m[2], madeWith: m[1] === 'const' ? (m[3] ?? '') : m[1] });
  }
  return found;
}

describe('server actions', () => {
  const files = actionFiles(join(ROOT, 'app'));

  it('finds the action files', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(`${file}: every export is a guarded action or a listed reader action`, () => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      expect(source.startsWith("'use server'")).toBe(true);
      const publicNames = PUBLIC_ACTIONS[file] ?? [];
      for (const { name, madeWith } of exportsOf(source)) {
        expect(name, `${file}: ${name} is named …Action`).toMatch(/Action$/);
        if (publicNames.includes(name)) continue;
        expect(WRAPPERS, `${file}: ${name} is made with a staff wrapper (made with "${madeWith}")`).toContain(madeWith);
      }
    });
  }

  it('no action re-implements the guard or shows a raw error message', () => {
    for (const file of files) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      // A reader action may ask who is signed in (staff replies are marked Staff); a staff action asks the wrapper.
      if (!PUBLIC_ACTIONS[file]) expect(source, file).not.toMatch(/requireStaff\(|getCurrentStaff\(/);
      expect(source, file).not.toMatch(/\(e(rror)? as Error\)\.message/);
    }
  });
});

describe('exportsOf', () => {
  it('tells wrapped exports from plain functions', () => {
    const src = 'export const aAction = staffAction({}, x);\nexport async function bAction() {}\nexport type C = 1;';
    expect(exportsOf(src)).toEqual([
      { name: 'aAction', madeWith: 'staffAction' },
      { name: 'bAction', madeWith: 'function' },
    ]);
  });
});
