/**
 * One 行政处罚 spreadsheet row (current or legacy national format) -> PenaltyCreate input, pre-validated
 * exactly as the API would: the zod schema, then preparePartyForStorage to refuse minors before anything is
 * sent. Its masked result is dropped: the server masks again when it stores the row.
 *
 * Legacy decisions (docs/fields.md#legacy-format): 处罚名称 -> 违法行为类型, 处罚事由 -> 违法事实, 处罚结果 -> 处罚内容,
 * 处罚类别1 + 处罚类别2 -> 处罚类别. The legacy format has no 处罚有效期: 处罚截止期 is used when the file
 * has it, otherwise the decision date (the decision's legal effect is then not extended; the publicity
 * period is computed separately by the server). It has no amount columns either: a 罚款 amount is read from
 * 处罚结果 only when the text states exactly one "罚款(人民币)N(万)元"; otherwise the row is rejected.
 */
import { preparePartyForStorage } from '../domain/penalty-party.js';
import { Problem } from '../errors.js';
import { DEFAULT_MASKING_RULE } from '../lib/masking.js';
import { PenaltyCreate } from '../schemas/penalties.js';
import { fieldsOf, type HeaderMapping } from './national-headers.js';
import type { TableRow } from './read-table.js';
import { partyInput, RowContext, type RowError } from './row-common.js';
import { fineFromText, parseDate, parseWan, penaltyTypes } from './values.js';

export interface MappedRow<T> {
  rowNumber: number;
  /** Present when the row passed every check. */
  item?: T;
  errors: RowError[];
}

/** Mapping only (no validation): the input object the row stands for, and the conversion errors. */
function penaltyInput(mapping: HeaderMapping, row: TableRow, agencyCreditCode: string): { ctx: RowContext; input: Record<string, unknown> } {
  const ctx = new RowContext(mapping, row.rowNumber, fieldsOf(mapping, row.cells));
  const f = ctx.fields;
  const legacy = mapping.format === 'legacy';
  ctx.checkAgency(agencyCreditCode);

  const types = ctx.convert('penaltyTypes', (c) => penaltyTypes(c, ctx.columnFor('penaltyTypes')));
  const types2 = ctx.convert('penaltyTypes2', (c) => penaltyTypes(c, ctx.columnFor('penaltyTypes2'))) ?? [];
  const allTypes = types === undefined ? undefined : [...new Set([...types, ...types2])];
  const decisionDate = ctx.convert('decisionDate', parseDate);

  let fineAmount = ctx.convert('fineAmount', parseWan);
  if (legacy && fineAmount === undefined && f['fineAmount'] === undefined && allTypes?.includes('02') && f['content'] !== undefined) {
    fineAmount = fineFromText(f['content']);
  }
  const validUntil = legacy && f['validUntil'] === undefined ? decisionDate : ctx.convert('validUntil', parseDate);

  const input: Record<string, unknown> = {
    party: partyInput(ctx),
    decisionNumber: f['decisionNumber'],
    violationType: f['violationType'],
    facts: f['facts'],
    basis: f['basis'],
    penaltyTypes: allTypes,
    content: f['content'],
    fineAmount,
    confiscationAmount: ctx.convert('confiscationAmount', parseWan),
    licenceRevoked: f['licenceRevoked'],
    decisionDate,
    validUntil,
    publicityEndDate: ctx.convert('publicityEndDate', parseDate),
    remarks: f['remarks'],
  };
  return { ctx, input };
}

/** Mapping and validation of one row: either an item ready for the batch endpoint or the row's errors. */
export function preparePenaltyRow(mapping: HeaderMapping, row: TableRow, agencyCreditCode: string): MappedRow<PenaltyCreate> {
  const { ctx, input } = penaltyInput(mapping, row, agencyCreditCode);
  const parsed = PenaltyCreate.safeParse(input);
  if (!parsed.success) {
    ctx.addIssues(parsed.error.issues);
    return { rowNumber: row.rowNumber, errors: ctx.errors };
  }
  if (ctx.errors.length) return { rowNumber: row.rowNumber, errors: ctx.errors };
  try {
    preparePartyForStorage(parsed.data.party, DEFAULT_MASKING_RULE, parsed.data.decisionDate, '/party');
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    for (const err of e.errors ?? []) ctx.add(err.pointer.slice(1).replaceAll('/', '.'), err.detail);
    return { rowNumber: row.rowNumber, errors: ctx.errors };
  }
  return { rowNumber: row.rowNumber, item: parsed.data, errors: [] };
}
