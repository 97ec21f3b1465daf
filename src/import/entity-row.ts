/**
 * One directory row -> InspectionEntityCreate, validated by the very schema POST /v1/inspection-entities uses:
 * its personal-data guard refuses a mobile or 身份证 number in a name or address, its identity rule wants a
 * 统一社会信用代码 or 注册号 for a market entity. A file without a 对象类型 column, or a row with that cell
 * empty, lists 市场主体 (docs/inspection-import.md#columns).
 */
import { InspectionEntityCreate } from '../schemas/inspections/entities.js';
import { industryCode, objectType, riskClass, tags } from './entity-values.js';
import { fieldsOf, type ColumnMapping } from './national-headers.js';
import type { MappedRow } from './penalty-row.js';
import type { TableRow } from './read-table.js';
import { RowContext } from './row-common.js';

export interface PreparedEntityRow extends MappedRow<InspectionEntityCreate> {
  /** Names the server's reasons for this row by column, scrubbed of ID numbers. */
  ctx: RowContext<ColumnMapping>;
}

export function prepareEntityRow(mapping: ColumnMapping, row: TableRow): PreparedEntityRow {
  const ctx = new RowContext(mapping, row.rowNumber, fieldsOf(mapping, row.cells));
  const f = ctx.fields;
  const input = {
    name: f['name'],
    creditCode: f['creditCode']?.toUpperCase(),
    registrationNo: f['registrationNo'],
    objectType: ctx.convert('objectType', objectType) ?? (f['objectType'] === undefined ? 'entity' : undefined),
    entityKind: f['entityKind'],
    regionCode: f['regionCode'],
    industryCode: ctx.convert('industryCode', industryCode),
    address: f['address'],
    riskClass: ctx.convert('riskClass', riskClass),
    tags: ctx.convert('tags', tags),
  };
  const parsed = InspectionEntityCreate.safeParse(input);
  if (!parsed.success) ctx.addIssues(parsed.error.issues);
  if (!parsed.success || ctx.errors.length) return { rowNumber: row.rowNumber, errors: ctx.errors, ctx };
  return { rowNumber: row.rowNumber, item: parsed.data, errors: [], ctx };
}
