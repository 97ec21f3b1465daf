import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { VALIDITY } from '../lib/validity.js';

const ArticleNo = z
  .string()
  .regex(/^\d{1,4}(-\d{1,2})?$/, 'Article number: digits, with -N for 之N (e.g. 39, 39-1).')
  .meta({ title: '条号', description: '39 for 第三十九条; 39-1 for 第三十九条之一.', example: '39', maxLength: 7 });

export const CitationInput = z
  .strictObject({
    legalBasisId: Id.meta({ title: '法律依据' }),
    articleNo: ArticleNo.optional(),
    paragraph: z.int().min(1).max(99).optional().meta({ title: '款' }),
    item: z.int().min(1).max(99).optional().meta({ title: '项' }),
  })
  .refine((c) => c.articleNo !== undefined || (c.paragraph === undefined && c.item === undefined), {
    message: '款/项 need an article number.',
    path: ['articleNo'],
  })
  .meta({ id: 'CitationInput', title: '引用依据' });
export type CitationInput = z.output<typeof CitationInput>;

export const Citations = z.array(CitationInput).max(100).meta({ title: '依据条款' });

export const Citation = z
  .object({
    legalBasisId: Id.meta({ title: '法律依据' }),
    articleNo: z.string().nullable().meta({ title: '条号' }),
    paragraph: z.int().nullable().meta({ title: '款' }),
    item: z.int().nullable().meta({ title: '项' }),
    title: z.string().meta({ title: '法律依据名称' }),
    articleLabel: z.string().nullable().meta({ title: '条文序号', example: '第三十九条' }),
    citedOn: IsoDate.meta({ title: '引用日期', description: 'The date the citation speaks for (today, or the decision date).' }),
    validityOnCitedDate: z.enum(VALIDITY).meta({ title: '引用日期时效性' }),
    repealedOnCitedDate: z.boolean().meta({ title: '引用时已废止', description: 'True when the cited text was repealed on the cited date: the citation needs attention.' }),
  })
  .meta({ id: 'Citation', title: '引用依据' });
export type Citation = z.output<typeof Citation>;
