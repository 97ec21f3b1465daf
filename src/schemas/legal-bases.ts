import { z } from 'zod';
import { VALIDITY } from '../lib/validity.js';
import { Id, IsoDate, pageQuery, recordMeta } from './common.js';
import { httpUrl, line } from './text.js';
import { LegalArticle, LegalArticleList } from './legal-articles.js';

const LEGAL_LEVELS = ['法律', '行政法规', '地方性法规', '部门规章', '地方政府规章', '行政规范性文件'] as const;

const LegalLevel = z.enum(LEGAL_LEVELS).meta({ title: '效力位阶', description: '法律 / 行政法规 / 地方性法规 / 部门规章 / 地方政府规章 / 行政规范性文件.' });
const Validity = z.enum(VALIDITY).meta({
  title: '时效性',
  description:
    'Derived on every read from the dates (Beijing date today): 尚未生效 before effectiveOn; 已废止 from repealedOn; 已修改 once a text that amends or replaces it is in effect; otherwise 现行有效.',
});

const Url = httpUrl();

const editable = {
  title: line(200).meta({ title: '名称', example: '中华人民共和国行政处罚法' }),
  level: LegalLevel,
  issuer: line(200).meta({ title: '制定机关', example: '全国人民代表大会常务委员会' }),
  docNumber: line(100).optional().meta({ title: '文号', example: '中华人民共和国主席令第七十号' }),
  promulgatedOn: IsoDate.meta({ title: '公布日期', example: '2021-01-22' }),
  effectiveOn: IsoDate.meta({ title: '施行日期', example: '2021-07-15' }),
  repealedOn: IsoDate.optional().meta({ title: '废止日期' }),
  amendsId: Id.optional().meta({ title: '修改或替代的文本', description: 'The earlier text this one amends or replaces; that text then shows 已修改 once this one is in effect.' }),
  topics: z.array(line(50)).max(50).optional().meta({ title: '主题分类', description: 'Topic tags (the seed\'s 一类事).', example: ['交通运输', '道路运输'] }),
  sourceUrl: Url.optional().meta({ title: '来源地址' }),
  articles: LegalArticleList.optional(),
};

const validDate = (d: string | null | undefined): d is string => IsoDate.safeParse(d).success;

/**
 * A law takes effect on or after promulgation, and is repealed no earlier than it takes effect. Runs even
 * when another field is invalid, so only dates that are themselves valid are compared.
 */
function checkDates(b: { promulgatedOn?: string; effectiveOn?: string; repealedOn?: string | null }, ctx: z.RefinementCtx) {
  if (validDate(b.promulgatedOn) && validDate(b.effectiveOn) && b.effectiveOn < b.promulgatedOn) {
    ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: '施行日期 must not be before 公布日期.' });
  }
  if (validDate(b.effectiveOn) && validDate(b.repealedOn) && b.repealedOn < b.effectiveOn) {
    ctx.addIssue({ code: 'custom', path: ['repealedOn'], message: '废止日期 must not be before 施行日期.' });
  }
}

export const LegalBasisCreate = z.strictObject(editable).superRefine(checkDates).meta({ title: '新增法律依据' });
export type LegalBasisCreate = z.output<typeof LegalBasisCreate>;

/** JSON merge patch (RFC 7396): present fields replace (articles: the whole list), null clears an optional field. */
export const LegalBasisPatch = z
  .strictObject({
    title: editable.title.optional(),
    level: LegalLevel.optional(),
    issuer: editable.issuer.optional(),
    docNumber: editable.docNumber.nullable(),
    promulgatedOn: IsoDate.optional().meta({ title: '公布日期' }),
    effectiveOn: IsoDate.optional().meta({ title: '施行日期' }),
    repealedOn: editable.repealedOn.nullable(),
    amendsId: editable.amendsId.nullable(),
    topics: editable.topics.nullable(),
    sourceUrl: editable.sourceUrl.nullable(),
    articles: editable.articles.nullable(),
  })
  .superRefine(checkDates)
  .meta({ title: '修改法律依据' });
export type LegalBasisPatch = z.output<typeof LegalBasisPatch>;

export const LegalBasis = z
  .object({
    ...recordMeta,
    agencyId: Id.nullable().meta({ title: '发布机关', description: 'The agency whose key published the text; null when the platform operator did.' }),
    title: z.string().meta({ title: '名称' }),
    level: LegalLevel,
    issuer: z.string().meta({ title: '制定机关' }),
    docNumber: z.string().nullable().meta({ title: '文号' }),
    promulgatedOn: IsoDate.meta({ title: '公布日期' }),
    effectiveOn: IsoDate.meta({ title: '施行日期' }),
    repealedOn: IsoDate.nullable().meta({ title: '废止日期' }),
    amendsId: Id.nullable().meta({ title: '修改或替代的文本' }),
    amendedBy: z.array(Id).meta({ title: '修改或替代本文本的文本', description: 'Later texts whose amendsId names this one, by effective date.' }),
    topics: z.array(z.string()).meta({ title: '主题分类' }),
    sourceUrl: z.string().nullable().meta({ title: '来源地址' }),
    validity: Validity,
    articleCount: z.int().min(0).meta({ title: '条文数', description: 'Articles are at /v1/legal-bases/{id}/articles.' }),
  })
  .meta({ id: 'LegalBasis', title: '法律依据' });
export type LegalBasis = z.output<typeof LegalBasis>;

/**
 * A text as a version publishes it (its revisions, the feed, the bulk export): the stored fields with the
 * articles as they were. Validity, lineage and the article count are derived on every read of the record
 * (a text becomes 已修改 when a later text takes effect, with no version of its own), so no version holds them.
 */
export const LegalBasisVersion = LegalBasis.omit({ amendedBy: true, validity: true, articleCount: true })
  .extend({ articles: z.array(LegalArticle).meta({ title: '条文' }) })
  .meta({ id: 'LegalBasisVersion', title: '法律依据版本' });

export const LegalBasisListQuery = z.strictObject({
  ...pageQuery,
  level: LegalLevel.optional(),
  validity: Validity.optional(),
  topic: line(50).optional().meta({ title: '主题分类' }),
  issuer: line(200).optional().meta({ title: '制定机关', description: 'Exact issuing body.' }),
  agencyId: Id.optional().meta({ title: '发布机关' }),
  amendsId: Id.optional().meta({ title: '修改或替代的文本', description: 'Texts that amend or replace this one.' }),
  q: line(100)
    .optional()
    .meta({ title: '名称检索', description: 'Chinese search over the title (words as a phrase, or a substring); ranked, most relevant first.', example: '道路运输' }),
});
export type LegalBasisListQuery = z.output<typeof LegalBasisListQuery>;
