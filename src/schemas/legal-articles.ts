import { z } from 'zod';
import { ARTICLE_NO } from '../lib/article-no.js';
import { Id, pageQuery } from './common.js';
import { line, prose } from './text.js';

/** An article number as the API addresses it: 39 (第三十九条) or 39-1 (第三十九条之一); no leading zeros. */
const ArticleNumber = z
  .string()
  .regex(ARTICLE_NO, 'Article number: 1-9999, with -N for 之N (e.g. 39, 39-1), no leading zeros.')
  .meta({ title: '条号', description: '39 for 第三十九条; 39-1 for 第三十九条之一.', example: '39', maxLength: 7 });

const Item = z
  .strictObject({
    no: z.int().min(1).max(99).meta({ title: '项序号', description: '1 for （一）.' }),
    text: prose(5000).meta({ title: '项内容' }),
  })
  .meta({ id: 'LegalArticleItem', title: '项' });

const Paragraph = z
  .strictObject({
    no: z.int().min(1).max(99).meta({ title: '款序号', description: '1 for the first 款.' }),
    text: prose(10000).meta({ title: '款内容' }),
    items: z.array(Item).max(99).optional().meta({ title: '项' }),
  })
  .meta({ id: 'LegalArticleParagraph', title: '款' });

/** 款 and 项 are numbered 1, 2, 3 … in order, so a citation's paragraph/item number means one thing. */
function numberedInOrder(list: { no: number }[], ctx: z.RefinementCtx, path: (string | number)[] = []) {
  list.forEach((entry, i) => {
    if (entry.no !== i + 1) ctx.addIssue({ code: 'custom', path: [...path, i, 'no'], message: `Expected ${i + 1}: 款/项 are numbered from 1 in order.` });
  });
}

const Paragraphs = z
  .array(Paragraph)
  .max(99)
  .superRefine((list, ctx) => {
    numberedInOrder(list, ctx);
    list.forEach((p, i) => numberedInOrder(p.items ?? [], ctx, [i, 'items']));
  })
  .meta({ title: '款项结构', description: 'The article split into 款 (paragraphs) and 项 (items), where given.' });

export const LegalArticleInput = z
  .strictObject({
    no: ArticleNumber,
    label: line(32).optional().meta({ title: '条文序号', description: 'Defaults to the number in Chinese numerals, e.g. 第三十九条.', example: '第三十九条' }),
    chapter: line(200).optional().meta({ title: '所属章节', example: '第五章 行政处罚的决定 第一节 一般规定' }),
    text: prose(20000).meta({ title: '条文内容', description: 'The full text of the article, 款 separated by line breaks.' }),
    paragraphs: Paragraphs.optional(),
  })
  .meta({ id: 'LegalArticleInput', title: '条文' });
export type LegalArticleInput = z.output<typeof LegalArticleInput>;

/** The whole set of articles of a text; a number may appear once (the second one is named). */
export const LegalArticleList = z
  .array(LegalArticleInput)
  .max(3000)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.no)) ctx.addIssue({ code: 'custom', path: [i, 'no'], message: `Article ${a.no} appears more than once.` });
      seen.add(a.no);
    });
  })
  .meta({ title: '条文列表', description: 'Every article of the text; on update the whole list is replaced.' });

const articleFields = {
  legalBasisId: Id.meta({ title: '法律依据' }),
  no: ArticleNumber,
  label: z.string().meta({ title: '条文序号', example: '第三十九条' }),
  chapter: z.string().nullable().meta({ title: '所属章节' }),
  text: z.string().meta({ title: '条文内容' }),
  paragraphs: z.array(Paragraph).nullable().meta({ title: '款项结构' }),
};

export const LegalArticle = z.object(articleFields).meta({ id: 'LegalArticle', title: '条文' });
export type LegalArticle = z.output<typeof LegalArticle>;

export const LegalArticleHit = z
  .object({
    ...articleFields,
    legalBasisTitle: z.string().meta({ title: '法律依据名称' }),
    rank: z.int().meta({ title: '相关度', description: 'Higher first: whole-word (phrase) matches outrank bare substrings.' }),
  })
  .meta({ id: 'LegalArticleHit', title: '条文检索结果' });
export type LegalArticleHit = z.output<typeof LegalArticleHit>;

const Q = line(100).meta({
  title: '全文检索',
  description: 'Chinese search: the words of the query as a phrase (app-segmented), or the query as a substring. Results are ranked.',
  example: '道路运输',
});

export const LegalArticleListQuery = z.strictObject({ ...pageQuery, q: Q.optional() });
export type LegalArticleListQuery = z.output<typeof LegalArticleListQuery>;

export const ArticleSearchQuery = z.strictObject({ ...pageQuery, q: Q });
export type ArticleSearchQuery = z.output<typeof ArticleSearchQuery>;

export const ArticleParams = z.strictObject({ id: Id, no: ArticleNumber });
