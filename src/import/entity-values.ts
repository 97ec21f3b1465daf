/**
 * Cell conversions of a directory file: the names agencies write to this API's codes. Each throws CellError
 * naming what the column accepts.
 */
import { RISK_CLASSES } from '../codes/risk-classes.js';
import { OBJECT_TYPES } from '../schemas/inspections/shared.js';
import { CellError } from './values.js';

const OBJECT_TYPE = new Map<string, string>([
  ...OBJECT_TYPES.map((t) => [t.toUpperCase(), t] as [string, string]),
  ['市场主体', 'entity'], ['主体', 'entity'], ['企业', 'entity'],
  ['产品', 'product'], ['项目', 'project'], ['工程项目', 'project'], ['行为', 'conduct'],
]);

/** 对象类型: 市场主体/产品/项目/行为 or the codes entity/product/project/conduct. */
export function objectType(cell: string): string {
  const code = OBJECT_TYPE.get(cell.toUpperCase());
  if (code === undefined) throw new CellError('Unknown 对象类型: write 市场主体, 产品, 项目 or 行为 (or entity, product, project, conduct).');
  return code;
}

// 信用风险低 → A: the class names of 国市监信发〔2022〕6号, their short forms (低, 一般 …) and A类.
const RISK_CLASS = new Map<string, string>(
  RISK_CLASSES.flatMap(({ code, name }) => {
    const short = name.replace('信用风险', '');
    return [code, `${code}类`, name, short, `${short}风险`].map((n) => [n, code] as [string, string]);
  }),
);

/** 信用风险分类: A–D, or 低/一般/较高/高 (信用风险低 …) for A/B/C/D. */
export function riskClass(cell: string): string {
  const code = RISK_CLASS.get(cell.toUpperCase());
  if (code === undefined) throw new CellError('Unknown 信用风险分类: write A, B, C or D, or 低, 一般, 较高 or 高 (信用风险低 … 信用风险高).');
  return code;
}

/** 标签: "食品经营，重点；冷链" -> each tag once, in the order written. */
export const tags = (cell: string): string[] => [...new Set(cell.split(/[，,、;；|｜]+/).map((t) => t.trim()).filter(Boolean))];

/** 国民经济行业分类: the code, upper-case; "F5211 百货零售" (the code with its name after it) -> F5211. */
export const industryCode = (cell: string): string => (/^([A-Za-z]\d*)(?:[\s:：]+|(?=\p{Script=Han}))\S/u.exec(cell)?.[1] ?? cell).toUpperCase();
