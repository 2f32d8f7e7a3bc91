import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { ArticlePage } from './article-page';
import { uniqueAddress } from './unique';

export type Reader = {
  context: BrowserContext;
  page: Page;
  article: ArticlePage;
  /** The client address this reader's requests come from (X-Forwarded-For). */
  address: string;
  /** Messages of every alert/confirm/prompt any of this reader's pages raised (they are dismissed). */
  dialogs: string[];
};

export type ReaderOptions = {
  javaScript?: boolean;
  /** Share another reader's client address (default: a new one of its own). */
  address?: string;
};

type Fixtures = {
  /** Opens a new browser context — its own cookies and its own client address — with one page. Closed after the test. */
  newReader: (options?: ReaderOptions) => Promise<Reader>;
  /** Content Security Policy violations the browser reported in any context of the test; it fails on any. */
  cspViolations: string[];
};

const CSP_MESSAGE = /Content Security Policy/i;

const watched = new WeakSet<BrowserContext>();

function watchForCsp(context: BrowserContext, violations: string[]) {
  if (watched.has(context)) return;
  watched.add(context);
  context.on('console', (message) => {
    if (message.type() === 'error' && CSP_MESSAGE.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
  });
}

export const test = base.extend<Fixtures>({
  // Every context the test opens (newReader, staffPage, browser.newContext) or is given (`context`,
  // `page`) is watched; the test fails if the browser refused anything under the security headers.
  cspViolations: [
    async ({ browser }, provide) => {
      const violations: string[] = [];
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        watchForCsp(context, violations);
        return context;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content Security Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, cspViolations }, provide) => {
    watchForCsp(context, cspViolations);
    await provide(context);
  },
  // (The second parameter is Playwright's `use`; named `provide` so React's lint rules leave it alone.)
  newReader: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async ({ javaScript = true, address = uniqueAddress() } = {}) => {
      const context = await browser.newContext({
        javaScriptEnabled: javaScript,
        extraHTTPHeaders: { 'X-Forwarded-For': address },
      });
      contexts.push(context);
      const dialogs: string[] = [];
      // Every page of the context, including any a script might open.
      context.on('page', (p) =>
        p.on('dialog', (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss().catch(() => {});
        }),
      );
      const page = await context.newPage();
      return { context, page, article: new ArticlePage(page, javaScript), address, dialogs };
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
