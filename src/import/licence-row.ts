/**
 * One 行政许可 spreadsheet row (current or legacy national format) -> LicenceCreate input (property names of
 * src/schemas/licences.ts). 许可机关 and 数据来源单位 are filled by the server and ignored here; a
 * 许可机关统一社会信用代码 other than the importing agency's rejects the row.
 *
 * Legacy (docs/fields.md#legacy-format): 项目名称 -> 行政许可决定文书名称, 审批类别 -> 许可类别, 行政许可编码 -> 许可编号,
 * 许可截止期 -> 有效期至; the legacy format has no 有效期自, so the decision date is used. 许可类别 "其他-备案"
 * becomes category 06 with categoryDetail 备案.
 *
 * Validated with LicenceCreate (src/schemas/licences.ts), as the API validates it. Minors are not refused
 * here: that local rule concerns punished parties (docs/personal-data.md#minors), i.e. penalties; the server
 * still refuses a licence about a minor when the row is submitted.
 */
import { LicenceCreate } from '../schemas/licences.js';
import { fieldsOf, type HeaderMapping } from './national-headers.js';
import type { MappedRow } from './penalty-row.js';
import type { TableRow } from './read-table.js';
import { partyInput, RowContext } from './row-common.js';
import { licenceCategory, licenceState, parseDate } from './values.js';


function licenceInput(mapping: HeaderMapping, row: TableRow, agencyCreditCode: string): { ctx: RowContext; input: Record<string, unknown> } {
  const ctx = new RowContext(mapping, row.rowNumber, fieldsOf(mapping, row.cells));
  const f = ctx.fields;
  ctx.checkAgency(agencyCreditCode);
  const category = ctx.convert('category', licenceCategory);
  const decisionDate = ctx.convert('decisionDate', parseDate);
  const input: Record<string, unknown> = {
    party: partyInput(ctx),
    documentTitle: f['documentTitle'],
    decisionNumber: f['decisionNumber'],
    category: category?.category,
    categoryDetail: category?.categoryDetail,
    certificateName: f['certificateName'],
    licenceNumber: f['licenceNumber'],
    content: f['content'],
    decisionDate,
    validFrom: mapping.format === 'legacy' && f['validFrom'] === undefined ? decisionDate : ctx.convert('validFrom', parseDate),
    validTo: ctx.convert('validTo', parseDate),
    state: ctx.convert('state', licenceState),
    remarks: f['remarks'],
  };
  return { ctx, input };
}

export function prepareLicenceRow(mapping: HeaderMapping, row: TableRow, agencyCreditCode: string): MappedRow<LicenceCreate> {
  const { ctx, input } = licenceInput(mapping, row, agencyCreditCode);
  const parsed = LicenceCreate.safeParse(input);
  if (!parsed.success) ctx.addIssues(parsed.error.issues);
  if (!parsed.success || ctx.errors.length) return { rowNumber: row.rowNumber, errors: ctx.errors };
  return { rowNumber: row.rowNumber, item: parsed.data, errors: [] };
}
