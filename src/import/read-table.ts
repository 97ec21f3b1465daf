/**
 * Reads an agency's 双公示 spreadsheet (CSV or XLSX) into trimmed string cells keyed by normalized header.
 * Node only (exceljs). CSV bytes are UTF-8 (with or without BOM) or, when they are not valid UTF-8,
 * GB18030/GBK (what Excel on a Chinese Windows saves as "CSV"). XLSX: the first sheet; date cells become
 * ISO dates, numbers become the shortest decimal string Excel itself would show (15 significant digits),
 * so 0.2 万元 stays "0.2" and never becomes 0.20000000000000001.
 */
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface TableRow {
  /** 1-based spreadsheet row; the header is row 1. */
  rowNumber: number;
  cells: Record<string, string | undefined>;
}
export interface Table {
  headers: string[];
  rows: TableRow[];
}

/** A file that cannot be read as a table at all (no row is importable). */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** 行政相对人名称（必填） -> 行政相对人名称; （万元） -> (万元); whitespace and a leading "*" marker dropped. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '')
    .replace(/^\*/, '')
    .replace(/\(必填\)$/, '');
}

const clean = (v: string | undefined): string | undefined => {
  // Our export guards formula-like text with an apostrophe (src/export/national-csv.ts): take it off again.
  const t = v?.trim().replace(/^'(?=[=+\-@])/, '');
  return t === undefined || t === '' ? undefined : t;
};

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Builds the table from raw rows (index 0 = header); blank rows are skipped but keep later row numbers right. */
function toTable(raw: (string | undefined)[][]): Table {
  const headerRow = raw[0];
  if (!headerRow || headerRow.every((h) => clean(h) === undefined)) throw new ImportFileError('The file has no header row.');
  const headers = headerRow.map((h) => normalizeHeader(h ?? ''));
  const seen = new Set<string>();
  for (const h of headers) {
    if (h !== '' && seen.has(h)) throw new ImportFileError(`Column "${h}" appears twice in the header row.`);
    seen.add(h);
  }
  const rows: TableRow[] = [];
  raw.slice(1).forEach((values, i) => {
    const cells: Record<string, string | undefined> = {};
    let any = false;
    headers.forEach((h, col) => {
      if (h === '') return; // an unnamed column (e.g. a stray note) carries no field
      const v = clean(values[col]);
      cells[h] = v;
      if (v !== undefined) any = true;
    });
    if (any) rows.push({ rowNumber: i + 2, cells });
  });
  return { headers: headers.filter((h) => h !== ''), rows };
}

function readCsv(bytes: Uint8Array): Table {
  // No skip_empty_lines: a blank line still counts as a spreadsheet row for the row numbers in the report.
  // relax_quotes: a quote inside an unquoted cell (当事人"张三") is text, as Excel reads it.
  let records: string[][];
  try {
    records = parse(decodeText(bytes), { relax_column_count: true, relax_quotes: true, bom: true }) as string[][];
  } catch (e) {
    // What is left (a quote never closed) leaves no row boundary to trust after it.
    if (e instanceof CsvError) throw new ImportFileError(`The file is not readable CSV: ${e.message}.`);
    throw e;
  }
  return toTable(records);
}

/** A number as Excel shows it: 15 significant digits, never exponent notation. */
export function numberToText(n: number): string {
  const p = Number(n.toPrecision(15));
  const s = String(p);
  if (!/e/i.test(s)) return s;
  // Tiny or huge values: expand the exponent; toFixed(20) then drop trailing zeros.
  return Math.abs(p) >= 1e21 ? BigInt(Math.round(p)).toString() : p.toFixed(20).replace(/\.?0+$/, '');
}

function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  // exceljs builds dates in UTC. A date-formatted number beyond any date comes as an invalid Date: it reads
  // as Excel shows such a cell, and the date parser then refuses it for its column.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '########' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return value.error;
  return undefined;
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types load() as taking a Node Buffer; it reads the bytes through JSZip, which takes any Uint8Array.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('The file is not a readable XLSX workbook.');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ImportFileError('The workbook has no sheet.');
  const raw: (string | undefined)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    raw[rowNumber - 1] = values;
  });
  for (let i = 0; i < raw.length; i++) raw[i] ??= [];
  return toTable(raw);
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** CSV or XLSX, told apart by content (an XLSX is a zip), not by the file name. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileError('The file is empty.');
  return isZip(bytes) ? readXlsx(bytes) : readCsv(bytes);
}
