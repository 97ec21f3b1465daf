import { z } from 'zod';
import { mergePatchFields } from '../decision-changes.js';
import { Id, IsoDate, pageQuery, recordMeta } from '../common.js';
import { line, prose } from '../text.js';

/* 抽查工作细则 (一细则): how an agency runs random selection, published as a versioned document. */

const RulesStatus = z.enum(['active', 'repealed']).meta({ title: '状态', description: 'active = 现行有效; repealed = 已废止 (kept with its history).' });

const fields = {
  title: line(200).meta({ title: '标题', example: '示例市市场监督管理局随机抽查工作细则' }),
  docNumber: line(100).optional().meta({ title: '文号', example: '示市监〔2026〕1号' }),
  effectiveOn: IsoDate.meta({ title: '施行日期' }),
  text: prose(100_000).meta({ title: '正文' }),
  status: RulesStatus.optional(),
};

export const InspectionRulesCreate = z
  .strictObject({ agencyId: Id.optional().meta({ title: '制定部门', description: "A key's own agency by default; the operator must name one." }), ...fields })
  .meta({ title: '发布抽查工作细则' });
export type InspectionRulesCreate = z.output<typeof InspectionRulesCreate>;

export const InspectionRulesPatch = z.strictObject(mergePatchFields(fields)).meta({ title: '修订抽查工作细则', description: 'JSON merge patch (RFC 7396); each change is a new version.' });

export const InspectionRules = z
  .object({
    ...recordMeta,
    status: RulesStatus,
    agencyId: Id.meta({ title: '制定部门' }),
    title: z.string().meta({ title: '标题' }),
    docNumber: z.string().nullable().meta({ title: '文号' }),
    effectiveOn: IsoDate.meta({ title: '施行日期' }),
    text: z.string().meta({ title: '正文' }),
  })
  .strict()
  .meta({ id: 'InspectionRules', title: '抽查工作细则' });
export type InspectionRules = z.output<typeof InspectionRules>;

export const InspectionRulesListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '制定部门' }),
  status: RulesStatus.optional(),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 标题, 文号 and 正文. Ranked.' }),
});
export type InspectionRulesListQuery = z.output<typeof InspectionRulesListQuery>;
