import { markdownToPlainText } from '@/lib/markdown/render';

/** The description search engines and social cards show: the SEO description, else the standfirst, else the body's start. */
export function articleDescription(article: { seoDescription: string | null; standfirst: string; body: string }): string {
  return article.seoDescription || article.standfirst || markdownToPlainText(article.body).slice(0, 200);
}

/** When the article last changed for readers (an edit, a correction), else when it was published. */
export function articleModifiedAt(article: { contentUpdatedAt: Date | null; publishedAt: Date }): Date {
  return article.contentUpdatedAt && article.contentUpdatedAt > article.publishedAt ? article.contentUpdatedAt : article.publishedAt;
}
