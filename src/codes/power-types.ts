/**
 * 职权类型: the ten categories of a 权责清单 item, kept as data (docs/code-lists.md#power-types). The numeric codes
 * are the widely used 事项类型 codes; the letter codes are the two-letter prefixes (XK 许可, CF 处罚, ...). The
 * zod enum, the OpenAPI description and GET /v1/code-lists/power-types all derive from this list.
 */
import { codeList } from './code-list.js';
export const POWER_TYPES = [
  { code: '01', name: '行政许可', letter: 'XK' },
  { code: '02', name: '行政处罚', letter: 'CF' },
  { code: '03', name: '行政强制', letter: 'QZ' },
  { code: '04', name: '行政征收', letter: 'ZS' },
  { code: '05', name: '行政给付', letter: 'GF' },
  { code: '06', name: '行政检查', letter: 'JC' },
  { code: '07', name: '行政确认', letter: 'QR' },
  { code: '08', name: '行政奖励', letter: 'JL' },
  { code: '09', name: '行政裁决', letter: 'CJ' },
  { code: '10', name: '其他行政权力', letter: 'QT' },
] as const;

/** Letters in the legend: "01 行政许可 (XK), 02 行政处罚 (CF), ...". */
export const powerTypes = codeList(POWER_TYPES, { path: 'power-types', title: '职权类型', example: '02', legend: (t) => `${t.code} ${t.name} (${t.letter})` });
export const PowerType = powerTypes.schema;
export type PowerTypeCode = (typeof powerTypes.codes)[number];
