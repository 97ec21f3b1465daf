import { z } from 'zod';
import { MAX_FIELD_ERRORS } from '../errors.js';
import { creditCodeMessages, creditCodeProblem, isCreditCode } from '../lib/credit-code.js';
import { guarded } from './text.js';

/** Record id (UUIDv7). */
// maxLength states what the UUID pattern already enforces (36 characters), for clients and linters that read only lengths.
export const Id = z.uuid().meta({ title: '标识', description: 'Stable record id (UUIDv7).', example: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', maxLength: 36 });

export const IdParams = z.strictObject({ id: Id });

export const CreditCode = guarded('refused', { provenCode: isCreditCode })
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: creditCodeMessages[problem] });
  })
  .meta({
    title: '统一社会信用代码',
    description: 'GB 32100-2015 unified social credit code, validated with both check characters.',
    example: '11440100MB2C921737',
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
    minLength: 18,
    maxLength: 18,
  });

export const RegionCode = z
  .string()
  .regex(/^\d{6}$/, '行政区划代码 must be 6 digits (GB/T 2260).')
  .meta({ title: '行政区划代码', description: 'GB/T 2260 administrative division code.', example: '440100', minLength: 6, maxLength: 6 });

/** RFC 3339 date-time with an offset; at most nanoseconds (2025-01-01T00:00:00.123456789+08:00 is 35 characters). */
export const Timestamp = z.iso.datetime({ offset: true }).max(35);
/**
 * A real YYYY-MM-DD date. Year 0000 is refused: PostgreSQL has no year 0, so it could not be stored or compared.
 * `abort` stops at a malformed or year-0 date, so the range checks below never add a second message about it.
 */
export const IsoDate = z.iso
  .date({ abort: true })
  .refine((d) => !d.startsWith('0000-'), { message: 'There is no year 0000: write a date from 0001-01-01 on.', abort: true })
  // What the date pattern already enforces (YYYY-MM-DD), for clients and linters that read only lengths.
  .meta({ maxLength: 10 });

interface DateMeta {
  title: string;
  description?: string;
  example?: string;
}
/** The caller's description followed by the accepted range, so the OpenAPI document states it. */
const withRange = (meta: DateMeta, range: string) => ({ ...meta, description: meta.description ? `${meta.description} ${range}` : range });

/** What a date query parameter accepts: wide enough for any filter over this API's records, and always storable. */
export const QUERY_DATES = { min: '2000-01-01', max: '2099-12-31' } as const;

/** A date query parameter (filters, report periods): a real date from 2000-01-01 to 2099-12-31, else 400 naming it. */
export function dateParam(meta: DateMeta) {
  const { min, max } = QUERY_DATES;
  const range = `A date from ${min} to ${max} (YYYY-MM-DD).`;
  return IsoDate.refine((d) => d >= min && d <= max, `Must be a date from ${min} to ${max}.`).meta(withRange(meta, range));
}

/**
 * The first decision date accepted. The national 双公示 spreadsheets begin with the 2015–2018 legacy template,
 * and the official holiday calendar kept here (src/data/calendar-cn.json) begins with 2015, so every accepted
 * decision gets an exact due date.
 */
const FIRST_DECISION_DATE = '2015-01-01';

/**
 * The date of a published decision or action: from 2015-01-01 (earlier is 400 naming the field) to today in
 * Beijing. The upper end needs the clock, so the domain refuses a later date (422) where it knows "now".
 */
export function decisionDateField(meta: DateMeta) {
  const range = `From ${FIRST_DECISION_DATE} to today (Beijing time): an earlier date is refused (400), a later one too (422).`;
  return IsoDate.refine((d) => d >= FIRST_DECISION_DATE, `Must be on or after ${FIRST_DECISION_DATE}: earlier decisions are outside the national 双公示 data this API publishes.`).meta(
    withRange(meta, range),
  );
}

/** Fields every published record carries. */
export const recordMeta = {
  id: Id,
  version: z.int().min(1).meta({ title: '版本号', description: 'Starts at 1; each change adds one.' }),
  createdAt: Timestamp.meta({ title: '创建时间' }),
  updatedAt: Timestamp.meta({ title: '更新时间' }),
};

const Limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(20)
  .meta({ title: '每页条数', description: 'Page size, 1-200 (default 20).' });

const CursorParam = guarded('refused').max(512).meta({ title: '分页游标', description: 'Opaque cursor from the previous page (`next`).' });

export const pageQuery = { limit: Limit.optional(), cursor: CursorParam.optional() };

/** A keyset page of items. */
export function Page<T extends z.ZodType>(item: T, id: string, title: string) {
  return z
    .object({
      items: z.array(item).meta({ title: '条目' }),
      next: z.string().nullable().meta({ title: '下一页游标', description: 'Cursor for the next page, or null on the last page.' }),
    })
    .meta({ id, title });
}

const FieldErrorSchema = z
  .object({
    in: z.enum(['body', 'query', 'path', 'header']).meta({ title: '位置' }),
    pointer: z.string().meta({ title: '字段指针', description: 'JSON pointer (RFC 6901) into that part of the request.' }),
    detail: z.string().meta({ title: '说明' }),
  })
  .meta({ id: 'FieldError', title: '字段错误' });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ title: '错误类型', description: 'URI identifying the problem type.' }),
    title: z.string().meta({ title: '标题' }),
    status: z.int().meta({ title: 'HTTP 状态码' }),
    detail: z.string().meta({ title: '详情' }),
    instance: z.string().optional().meta({ title: '实例' }),
    errors: z.array(FieldErrorSchema).max(MAX_FIELD_ERRORS).optional().meta({ title: '字段错误列表', description: `The first ${MAX_FIELD_ERRORS} field errors.` }),
    errorCount: z
      .int()
      .min(MAX_FIELD_ERRORS + 1)
      .optional()
      .meta({ title: '字段错误总数', description: `How many field errors were found, when \`errors\` lists only the first ${MAX_FIELD_ERRORS}.` }),
  })
  .meta({ id: 'Problem', title: '错误 (RFC 9457)' });

/** Who made a change, as published in revisions. */
export const Actor = z
  .object({
    kind: z
      .enum(['admin', 'key', 'system', 'public'])
      .meta({ title: '操作者类型', description: 'admin = platform operator; key = an agency writer key; system = the server itself; public = anyone without a key (a random contribution to a draw).' }),
    keyId: Id.nullable().meta({ title: '密钥标识' }),
    agencyId: Id.nullable().meta({ title: '所属执法主体' }),
  })
  .meta({ id: 'Actor', title: '操作者' });
