/**
 * 企业信用风险分类: the four classes of 市场监管总局关于推进企业信用风险分类管理进一步提升监管效能的意见
 * (国市监信发〔2022〕6号), which random-selection tasks use to set a different sample ratio per class.
 * The zod schema and GET /v1/code-lists/risk-classes derive from this list (docs/code-lists.md#risk-classes).
 */
import { codeList } from './code-list.js';

export const RISK_CLASSES = [
  { code: 'A', name: '信用风险低' },
  { code: 'B', name: '信用风险一般' },
  { code: 'C', name: '信用风险较高' },
  { code: 'D', name: '信用风险高' },
] as const;

export const riskClasses = codeList(RISK_CLASSES, { path: 'risk-classes', title: '信用风险分类', example: 'B' });
export const RiskClass = riskClasses.schema;
