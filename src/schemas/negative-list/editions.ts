import { z } from 'zod';
import { mergePatchFields } from '../decision-changes.js';
import { IsoDate, Timestamp, dateParam, pageQuery, recordMeta } from '../common.js';
import { guarded, httpUrl, line, prose } from '../text.js';

/*
 * 市场准入负面清单 editions (国务院关于实行市场准入负面清单制度的意见, 国发〔2015〕55号): each edition is
 * issued as a whole, takes effect on a date and replaces the previous one. A draft may still change; once
 * published it never does. Publishing supersedes the current edition in the same transaction.
 */

export const EDITION_STATUSES = ['draft', 'current', 'superseded'] as const;
const EditionStatus = z.enum(EDITION_STATUSES).meta({
  title: '状态',
  description: 'draft = 草案 (editable, not in force); current = 现行版本 (the latest published edition); superseded = 已被替代 (published earlier, kept unchanged).',
});

const EditionCode = guarded('refused')
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, 'Edition code: 1-32 letters, digits, ".", "_" or "-", e.g. 2025.')
  .meta({ title: '版本代码', description: 'Short code naming the edition in paths and diffs, e.g. 2025 or 2016-pilot.', example: '2025', maxLength: 32 });

const fields = {
  title: line(200).meta({ title: '清单名称', example: '市场准入负面清单（2025年版）' }),
  documentNo: line(100).optional().meta({ title: '印发文号', example: '发改体改规〔2025〕466号' }),
  issuingBodies: z.array(line(100)).max(10).optional().meta({ title: '印发机关', example: ['国家发展改革委', '商务部', '市场监管总局'] }),
  releasedOn: IsoDate.optional().meta({ title: '印发日期', example: '2025-04-24' }),
  effectiveFrom: IsoDate.meta({ title: '施行日期', description: 'The edition is in force from this date until the next published edition takes effect.', example: '2025-04-24' }),
  note: prose(2000).optional().meta({ title: '说明' }),
  sourceUrl: httpUrl().optional().meta({ title: '来源地址' }),
};

export const EditionCreate = z.strictObject({ code: EditionCode, ...fields }).meta({ title: '新增负面清单版本(草案)' });
export type EditionCreate = z.output<typeof EditionCreate>;

export const EditionPatch = z
  .strictObject(mergePatchFields(fields))
  .meta({ title: '修改负面清单草案', description: 'JSON merge patch (RFC 7396) of a draft edition; a published edition never changes (409).' });

export const EditionPublish = z
  .strictObject({
    supersedes: EditionCode.optional().meta({
      title: '替代版本',
      description: 'The code of the edition current now. Required while one is current, so a publication that raced another cannot replace an edition its author never saw.',
    }),
  })
  .meta({ title: '发布负面清单版本' });
export type EditionPublish = z.output<typeof EditionPublish>;

const Count = z.int().min(0);
export const EditionCounts = z
  .object({
    items: z.object({ prohibited: Count.meta({ title: '禁止准入类事项数' }), permitted: Count.meta({ title: '许可准入类事项数' }), total: Count.meta({ title: '事项总数' }) }).meta({ title: '事项数' }),
    measures: z
      .object({
        prohibited: Count.meta({ title: '禁止准入类措施数' }),
        permitted: Count.meta({ title: '许可准入类措施数' }),
        national: Count.meta({ title: '全国性措施数' }),
        local: Count.meta({ title: '地方性许可措施数' }),
        total: Count.meta({ title: '措施总数' }),
      })
      .meta({ title: '措施数' }),
  })
  .meta({ id: 'NegativeListEditionCounts', title: '事项和措施数' });
export type EditionCounts = z.output<typeof EditionCounts>;

export const Edition = z
  .object({
    ...recordMeta,
    status: EditionStatus,
    code: z.string().meta({ title: '版本代码' }),
    title: z.string().meta({ title: '清单名称' }),
    documentNo: z.string().nullable().meta({ title: '印发文号' }),
    issuingBodies: z.array(z.string()).meta({ title: '印发机关' }),
    releasedOn: IsoDate.nullable().meta({ title: '印发日期' }),
    effectiveFrom: IsoDate.meta({ title: '施行日期' }),
    effectiveTo: IsoDate.nullable().meta({ title: '失效日期', description: 'The last day in force: the day before the next published edition took effect; null while no later edition is published.' }),
    publishedAt: Timestamp.nullable().meta({ title: '发布时间' }),
    supersededAt: Timestamp.nullable().meta({ title: '被替代时间' }),
    note: z.string().nullable().meta({ title: '说明' }),
    sourceUrl: z.string().nullable().meta({ title: '来源地址' }),
    counts: EditionCounts,
  })
  .strict()
  .meta({ id: 'NegativeListEdition', title: '市场准入负面清单版本' });
export type Edition = z.output<typeof Edition>;

export const EditionListQuery = z.strictObject({ ...pageQuery, status: EditionStatus.optional() });
export type EditionListQuery = z.output<typeof EditionListQuery>;

/** An edition in a path: its code or its id. */
export const EditionRef = guarded('refused')
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,35}$/, 'An edition code (e.g. 2025) or id.')
  .meta({ title: '版本', description: 'The edition code (e.g. 2025) or its id.', example: '2025', maxLength: 36 });

export const EditionParams = z.strictObject({ edition: EditionRef });

export const AsOfQuery = z.strictObject({
  asOf: dateParam({ title: '查询日期', description: 'The date to ask about; today (Beijing time) by default.', example: '2023-06-01' }).optional(),
});
