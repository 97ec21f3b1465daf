/**
 * 抽查方式 of a random-selection inspection item. 企业信息公示暂行条例 art. 14 names 书面检查、实地核查、网络监测
 * and allows professional firms (会计师事务所、税务师事务所、律师事务所等) to do the work; 抽样检验 is the method of
 * product-quality items. No national code list exists: these codes are Gongshi's own (docs/code-lists.md#inspection-methods).
 * The zod schema and GET /v1/code-lists/inspection-methods derive from this list.
 */
import { codeList } from './code-list.js';

export const INSPECTION_METHODS = [
  { code: '01', name: '书面检查' },
  { code: '02', name: '实地核查' },
  { code: '03', name: '网络监测' },
  { code: '04', name: '委托第三方' },
  { code: '05', name: '抽样检验' },
] as const;

export const inspectionMethods = codeList(INSPECTION_METHODS, { path: 'inspection-methods', title: '抽查方式', example: '02' });
export const InspectionMethod = inspectionMethods.schema;
