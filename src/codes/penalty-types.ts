/**
 * 处罚类别: the kinds of administrative penalty of the 2021 行政处罚法 art. 9, one entry per kind, kept as
 * data (docs/code-lists.md#penalty-types). Sources: 行政处罚法 (2021) art. 9 for the names and the six categories;
 * the Zhejiang 全省双公示行政处罚归集 `punish_type` list (a provincial practice) for the codes: 01–07 follow the
 * pre-2021 law, 08–14 add the 2021 kinds. Where Zhejiang abbreviates (吊销许可证, 暂扣许可证,
 * 限制开展经营活动) the name is the law's wording.
 * Flags: `fine` needs 罚款金额 (national 行政处罚 field 20); `confiscation` needs 没收金额 (field 21); `licence`
 * needs 暂扣或吊销证照名称及编号 (field 22); see docs/fields.md#penalty-fields. The zod enum, the OpenAPI
 * description and GET /v1/code-lists/penalty-types all derive from this list.
 */
import { codeList } from './code-list.js';

/** The six categories of 行政处罚法 (2021) art. 9, by item number. */
export const PENALTY_CATEGORIES = [
  { category: 1, name: '警告、通报批评' },
  { category: 2, name: '罚款、没收违法所得、没收非法财物' },
  { category: 3, name: '暂扣许可证件、降低资质等级、吊销许可证件' },
  { category: 4, name: '限制开展生产经营活动、责令停产停业、责令关闭、限制从业' },
  { category: 5, name: '行政拘留' },
  { category: 6, name: '法律、行政法规规定的其他行政处罚' },
] as const;

export const PENALTY_TYPES = [
  { code: '01', name: '警告', category: 1, fine: false, confiscation: false, licence: false },
  { code: '02', name: '罚款', category: 2, fine: true, confiscation: false, licence: false },
  { code: '03', name: '没收违法所得', category: 2, fine: false, confiscation: true, licence: false },
  { code: '04', name: '责令停产停业', category: 4, fine: false, confiscation: false, licence: false },
  { code: '05', name: '吊销许可证件', category: 3, fine: false, confiscation: false, licence: true },
  { code: '06', name: '行政拘留', category: 5, fine: false, confiscation: false, licence: false },
  { code: '07', name: '法律、行政法规规定的其他行政处罚', category: 6, fine: false, confiscation: false, licence: false },
  { code: '08', name: '通报批评', category: 1, fine: false, confiscation: false, licence: false },
  { code: '09', name: '没收非法财物', category: 2, fine: false, confiscation: true, licence: false },
  { code: '10', name: '降低资质等级', category: 3, fine: false, confiscation: false, licence: true },
  { code: '11', name: '暂扣许可证件', category: 3, fine: false, confiscation: false, licence: true },
  { code: '12', name: '限制开展生产经营活动', category: 4, fine: false, confiscation: false, licence: false },
  { code: '13', name: '限制从业', category: 4, fine: false, confiscation: false, licence: false },
  { code: '14', name: '责令关闭', category: 4, fine: false, confiscation: false, licence: false },
] as const;

const penaltyTypes = codeList(PENALTY_TYPES, { path: 'penalty-types', title: '处罚类别', example: '02' });
export const PenaltyType = penaltyTypes.schema;
export type PenaltyTypeCode = (typeof penaltyTypes.codes)[number];
