/**
 * One 行政许可事项清单 row -> ApprovalItemCreate, validated by the very schema POST /v1/approval-items uses (so
 * its personal-data guard, fee and material rules apply); the domain's own checks (承诺时限 within the
 * 法定时限, a code already listed) come back from the server per row.
 */
import { ApprovalItemCreate } from '../schemas/approval-items.js';
import { channels, fees, materials, negativeListMeasures, steps, workingDays } from './approval-item-values.js';
import { fieldsOf, type ColumnMapping } from './national-headers.js';
import type { TableRow } from './read-table.js';
import { RowContext } from './row-common.js';
import { licenceCategory } from './values.js';

/** 设定依据 and 实施依据 given in two columns read as one text. */
function basis(set: string | undefined, implement: string | undefined): string | undefined {
  if (set && implement) return `设定依据：${set}\n实施依据：${implement}`;
  return set ?? (implement === undefined ? undefined : `实施依据：${implement}`);
}

export function prepareApprovalItemRow(mapping: ColumnMapping, row: TableRow): { item?: ApprovalItemCreate; ctx: RowContext<ColumnMapping> } {
  const ctx = new RowContext(mapping, row.rowNumber, fieldsOf(mapping, row.cells));
  const f = ctx.fields;
  const category = ctx.convert('category', licenceCategory);
  const input = {
    code: f['code'],
    name: f['name'],
    category: category?.category,
    categoryDetail: category?.categoryDetail,
    basisText: basis(f['basisText'], f['implementBasis']),
    conditions: f['conditions'],
    materials: ctx.convert('materials', materials),
    steps: ctx.convert('steps', steps),
    statutoryDays: ctx.convert('statutoryDays', workingDays),
    promisedDays: ctx.convert('promisedDays', workingDays),
    fees: ctx.convert('fees', fees),
    channels: ctx.convert('channels', channels),
    onlineUrl: f['onlineUrl'],
    negativeListMeasures: ctx.convert('negativeListMeasures', negativeListMeasures),
  };
  const parsed = ApprovalItemCreate.safeParse(input);
  if (!parsed.success) ctx.addIssues(parsed.error.issues);
  if (!parsed.success || ctx.errors.length) return { ctx };
  return { item: parsed.data, ctx };
}
