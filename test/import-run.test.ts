import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { FieldError } from '../src/errors.js';
import { runImport, type ImportProgress, type SubmitResult } from '../src/import/run-import.js';
import { ADULT_ID, AGENCY, COMPANY } from './fixtures/import/data.js';

const HEADERS = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '处罚决定日期', '处罚有效期'];
const row = (n: number) => ['某某公司', '法人及非法人组织', COMPANY, '张三', '', '', `示处〔2024〕${n}号`, '类型', '事实', '依据', '警告', '警告。', '2024-03-15', '2025-03-15'];
const personRow = (n: number) => ['王五', '自然人', '', '', '身份证', ADULT_ID, `示处〔2024〕${n}号`, '类型', '事实', '依据', '警告', '警告。', '2024-03-15', '2025-03-15'];
const file = (rows: string[][]) => new TextEncoder().encode(stringify([HEADERS, ...rows]));

/** A fake batch endpoint: answers from a script, records every call's decision numbers. */
function fakeSubmit(answers: ((items: any[]) => SubmitResult)[]) {
  const calls: string[][] = [];
  const submit = async (items: unknown[]) => {
    calls.push((items as any[]).map((i) => i.decisionNumber));
    return (answers.shift() ?? (() => ({ ok: true }) as const))(items as any[]);
  };
  return { calls, submit };
}
const err = (pointer: string, detail: string): FieldError => ({ in: 'body', pointer, detail });

describe('runImport', () => {
  it('rejects the item the batch names and resubmits the rest of that batch', async () => {
    const { calls, submit } = fakeSubmit([() => ({ ok: false, errors: [err('/items/1/decisionNumber', '行政处罚决定书文号 already exists for this agency.')] })]);
    const progress: ImportProgress[] = [];
    const result = await runImport({ file: file([1, 2, 3, 4, 5].map(row)), kind: 'penalties', agencyCreditCode: AGENCY, batchSize: 3, submit, onProgress: (p) => progress.push(p) });
    expect(calls).toEqual([
      ['示处〔2024〕1号', '示处〔2024〕2号', '示处〔2024〕3号'],
      ['示处〔2024〕1号', '示处〔2024〕3号'],
      ['示处〔2024〕4号', '示处〔2024〕5号'],
    ]);
    expect(result).toEqual({
      total: 5,
      imported: 4,
      rejectedRows: 1,
      rejected: [{ rowNumber: 3, column: '行政处罚决定书文号', reason: '行政处罚决定书文号 already exists for this agency.' }],
      ignoredColumns: [],
      format: 'current',
    });
    expect(progress).toEqual([{ done: 0, total: 5 }, { done: 3, total: 5 }, { done: 5, total: 5 }]);
  });

  it('maps item indexes past pre-rejected rows and names nested fields by their column', async () => {
    const rows = [row(1), [...row(2).slice(0, 12), '2024-02-30', '2025-03-15'], row(3), row(4)];
    const { calls, submit } = fakeSubmit([() => ({ ok: false, errors: [err('/items/2/party/creditCode', 'No.'), err('/items/0/decisionDate', 'Too late.')] })]);
    const result = await runImport({ file: file(rows), kind: 'penalties', agencyCreditCode: AGENCY, submit });
    expect(calls[1]).toEqual(['示处〔2024〕3号']);
    expect(result.rejected).toEqual([
      { rowNumber: 2, column: '处罚决定日期', reason: 'Too late.' },
      { rowNumber: 3, column: '处罚决定日期', reason: '"2024-02-30" is not a calendar date.' },
      { rowNumber: 5, column: '行政相对人代码_1(统一社会信用代码)', reason: 'No.' },
    ]);
    expect(result.imported).toBe(1);
  });

  it('a refusal naming no item rejects the rest of the batch instead of looping', async () => {
    const { calls, submit } = fakeSubmit([() => ({ ok: false, errors: [err('', 'Agency is not active.')] })]);
    const result = await runImport({ file: file([row(1), row(2), row(3)]), kind: 'penalties', agencyCreditCode: AGENCY, batchSize: 2, submit });
    expect(calls).toHaveLength(2);
    expect(result).toMatchObject({ imported: 1, rejectedRows: 2 });
    expect(result.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [2, '', 'Agency is not active.'],
      [3, '', 'Agency is not active.'],
    ]);
  });

  it('never copies a raw ID number from a server message into the report', async () => {
    const { submit } = fakeSubmit([() => ({ ok: false, errors: [err('/items/0/party/idNumber', `证件号码 ${ADULT_ID} is blocked.`)] })]);
    const result = await runImport({ file: file([personRow(1)]), kind: 'penalties', agencyCreditCode: AGENCY, submit });
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.column).toBe('证件号码');
    expect(result.rejected[0]!.reason).not.toContain(ADULT_ID);
    expect(result.rejected[0]!.reason).toContain(ADULT_ID.slice(0, 6) + '********');
  });

  it('every row rejected before submitting: submit is never called', async () => {
    const { calls, submit } = fakeSubmit([]);
    const result = await runImport({ file: file([[...row(1).slice(0, 10), '罚金', ...row(1).slice(11)]]), kind: 'penalties', agencyCreditCode: AGENCY, submit });
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ total: 1, imported: 0, rejectedRows: 1 });
  });

  it('refuses a file whose headers match neither format, naming the missing and unknown headers', async () => {
    const bytes = new TextEncoder().encode('行政相对人名称,处罚类别,客户电话\n某某,警告,123\n');
    await expect(runImport({ file: bytes, kind: 'penalties', agencyCreditCode: AGENCY, submit: async () => ({ ok: true }) })).rejects.toThrow(
      'The headers match neither national 行政处罚 template. Closest is the current national format: missing 行政相对人类别、行政处罚决定书文号、违法行为类型、违法事实、处罚依据、处罚内容、处罚决定日期、处罚有效期; unknown 客户电话.',
    );
  });
});
