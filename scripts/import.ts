// npm run import -- FILE...   Publishes plain-text articles (headline, paragraphs, "By NAME").
import { readFile } from 'node:fs/promises';
import { importPublishedArticle } from '@/db/queries/import';
import { migrateDatabase } from '@/db/migrate';
import { db } from '@/db';
import { cacheTags } from '@/lib/cache-tags';
import { formatImportError, paragraphsToMarkdown, parsePlainTextArticle } from '@/lib/import/plain-text';
import { revalidateOnServer, serverUrl } from '@/lib/revalidate/remote';
import { runCommand } from './import-cli';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('Usage: npm run import -- FILE [FILE...]');
    return 2;
  }
  await migrateDatabase(db);
  let failed = 0;
  const tags = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      const bytes = await readFile(file);
      text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    } catch (err) {
      console.error(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? err})`);
      failed++;
      continue;
    }
    const parsed = parsePlainTextArticle(text, file);
    if (!parsed.ok) {
      console.error(formatImportError(parsed.error));
      failed++;
      continue;
    }
    const { title, paragraphs, byline } = parsed.article;
    const article = await importPublishedArticle({ title, body: paragraphsToMarkdown(paragraphs), byline });
    const touched = cacheTags.forArticle({
      id: article.id,
      slug: article.slug,
      sectionSlugs: [],
      tagSlugs: [],
      authorSlugs: article.authorSlug ? [article.authorSlug] : [],
    });
    for (const tag of touched) tags.add(tag);
    console.log(`${file}: published /articles/${article.slug}${byline ? ` by ${byline}` : ''} (${paragraphs.length} paragraphs)`);
  }

  if (tags.size > 0) {
    // A new article may take an address that used to redirect: the table is reloaded too.
    const result = await revalidateOnServer([...tags], { redirects: true });
    if (result.ok) console.log(`Told the server at ${serverUrl()} to refresh ${result.revalidated.length} cached pages.`);
    else if (result.notRunning) console.log(`No server is running at ${serverUrl()}; pages will be fresh when it starts.`);
    else {
      console.error(`The articles are stored, but the server at ${serverUrl()} could not be told to refresh: ${result.error}`);
      return 1;
    }
  }
  if (failed > 0) console.error(`${failed} of ${files.length} files were not imported.`);
  return failed > 0 ? 1 : 0;
}

runCommand(main);
