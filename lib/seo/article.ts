import type { BodyFormat } from '@/db/enums';
import { bodyToPlainText } from '@/lib/markdown/render';

/** The description search engines and social cards show: the SEO description, else the standfirst, else the body's start. */
export function articleDescription(article: { seoDescription: string | null; standfirst: string; body: string; bodyFormat: BodyFormat }): string {
  return article.seoDescription || article.standfirst || bodyToPlainText(article.body, article.bodyFormat).slice(0, 200);
}

/** When the article last changed for readers (an edit, a correction), else when it was published. */
export function articleModifiedAt(article: { contentUpdatedAt: Date | null; publishedAt: Date }): Date {
  return article.contentUpdatedAt && article.contentUpdatedAt > article.publishedAt ? article.contentUpdatedAt : article.publishedAt;
}
