import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapHeaders, type ImportKind } from '../src/import/national-headers.js';
import { normalizeHeader } from '../src/import/read-table.js';
import { rejectedReportCsv } from '../src/import/report.js';
import type { ImportResult } from '../src/import/run-import.js';
import { importIntoDatabase } from '../src/import/submit.js';
import { useTestApp } from './support/app.js';
import { AGENCY, LICENCE_HEADERS, LICENCE_ROWS, PENALTY_HEADERS, PENALTY_ROWS, RAW_IDS } from './fixtures/import/data.js';

// The importer never stops on a row: whatever a cell holds, the row is imported or ends in the report with a
// reason under the column to fix, and the run goes on with the next row.
const now = new Date('2024-03-20T02:00:00Z');
const t = useTestApp({ now: () => now });

const GARBAGE = [
  '0000-01-01', '2015-02-30', '2014-12-31', '9999-99-99', '99999', '1e400', '-1', '=cmd|"/c calc"!A1', 'a\u0000b', 'x'.repeat(30_000),
  '２０２４年３月１５日', '#N/A', 'NaN', '当事人"张三"', '　',
];

type Row = Record<string, string>;
const KINDS = {
  penalties: { headers: [...PENALTY_HEADERS, '公示截止期'], base: PENALTY_ROWS[0]!, number: '行政处罚决定书文号', date: '处罚决定日期' },
  licences: { headers: LICENCE_HEADERS, base: LICENCE_ROWS[0]!, number: 'XK_WSH', date: '许可决定日期' },
} as const;

/** One row per (column, garbage value): the valid base row with that one cell replaced, each with its own number. */
function garbageRows(kind: keyof typeof KINDS): { headers: string[]; rows: Row[] } {
  const { headers, base, number } = KINDS[kind];
  const rows: Row[] = [];
  for (const header of headers) {
    for (const value of GARBAGE) rows.push({ ...base, [number]: `垃圾〔2024〕${rows.length + 1}号`, [normalizeHeader(header)]: value });
  }
  return { headers: [...headers], rows };
}

const csvOf = ({ headers, rows }: { headers: string[]; rows: Row[] }) =>
  new TextEncoder().encode(stringify([headers, ...rows.map((r) => headers.map((h) => r[normalizeHeader(h)] ?? ''))]));

/**
 * Every row settled, every reason under a column of the file (by its national name: a file may head it with
 * the column code), no raw ID number anywhere, a report that parses.
 */
function expectSettled(result: ImportResult, kind: ImportKind, headers: string[]) {
  expect(result.imported + result.rejectedRows).toBe(result.total);
  expect(result.rejected.length).toBeGreaterThan(0);
  const mapping = mapHeaders(kind, headers.map(normalizeHeader));
  const columns = new Set([...mapping.fieldOf.values()].map((key) => mapping.columnName(key)));
  for (const r of result.rejected) {
    expect(columns, JSON.stringify(r).slice(0, 300)).toContain(r.column);
    expect(r.reason.length).toBeGreaterThan(0);
  }
  const report = rejectedReportCsv(result.rejected);
  expect(parse(report.slice(1))).toHaveLength(result.rejected.length + 1);
  for (const id of RAW_IDS) expect(report).not.toContain(id);
}

describe('garbage in any cell never stops an import', () => {
  it.each(['penalties', 'licences'] as const)('%s: every column × every garbage value is imported or rejected under its column', async (kind) => {
    const agency = await t.createAgency();
    const file = garbageRows(kind);
    const result = await importIntoDatabase(t.db, { agencyId: agency.id, agencyCreditCode: AGENCY, kind, file: csvOf(file), now: () => now });
    expect(result.total).toBe(file.rows.length);
    expectSettled(result, kind, file.headers);
    // Every value is wrong in the decision-date column: each of those rows is rejected.
    const { date } = KINDS[kind];
    const dateRows = file.rows.flatMap((r, i) => (r[date] !== KINDS[kind].base[date] ? [i + 2] : []));
    expect(dateRows).toHaveLength(GARBAGE.length);
    const rejectedRows = new Set(result.rejected.map((r) => r.rowNumber));
    expect(dateRows.filter((n) => !rejectedRows.has(n))).toEqual([]);
    const dateReasons = new Map(result.rejected.filter((r) => r.column === date).map((r) => [r.rowNumber, r.reason]));
    expect(dateReasons.get(dateRows[GARBAGE.indexOf('2015-02-30')]!)).toBe('"2015-02-30" is not a calendar date.');
    expect(dateReasons.get(dateRows[GARBAGE.indexOf('2014-12-31')]!)).toMatch(/on or after 2015-01-01/);
  });

  it('XLSX date cells Excel cannot show as a date, error cells and formulas are rejected under their column', async () => {
    const agency = await t.createAgency();
    const { headers, base, number, date } = KINDS.licences;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(headers);
    const cells: ExcelJS.CellValue[] = [1e12, -5, 0, { error: '#NUM!' }, { formula: '1/0', result: { error: '#DIV/0!' } }, true, 45366.75];
    cells.forEach((value, i) => {
      const row = sheet.addRow(headers.map((h) => ({ ...base, [number]: `表格〔2024〕${i + 1}号` })[normalizeHeader(h)] ?? null));
      const cell = row.getCell(headers.indexOf(date) + 1);
      cell.value = value;
      if (typeof value === 'number') cell.numFmt = 'yyyy-mm-dd';
    });
    const file = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = await importIntoDatabase(t.db, { agencyId: agency.id, agencyCreditCode: AGENCY, kind: 'licences', file, now: () => now });
    expect(result).toMatchObject({ total: cells.length, imported: 1 }); // 45366.75: 2024-03-15 18:00
    expectSettled(result, 'licences', headers);
    expect(result.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [2, date, '"########" is not a date: write e.g. 2024-03-15, 2024/3/15 or 2024年3月15日.'],
      [3, date, '"1899-12-25" is before 1900: not a date of these files.'],
      [4, date, '"1899-12-30" is before 1900: not a date of these files.'],
      [5, date, '"#NUM!" is not a date: write e.g. 2024-03-15, 2024/3/15 or 2024年3月15日.'],
      // The streaming XLSX reader loses a formula's error result: it reads as Excel's "value not available".
      [6, date, '"#N/A" is not a date: write e.g. 2024-03-15, 2024/3/15 or 2024年3月15日.'],
      [7, date, '"TRUE" is not a date: write e.g. 2024-03-15, 2024/3/15 or 2024年3月15日.'],
    ]);
  });
});
