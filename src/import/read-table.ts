/**
 * Reads an agency's spreadsheet (CSV or XLSX) into trimmed string cells keyed by normalized header, streamed
 * row by row as the file is read (openTable) or whole (readTable). Node only (exceljs). CSV bytes are UTF-8 (with or without BOM) or, when they are not valid UTF-8,
 * GB18030/GBK (what Excel on a Chinese Windows saves as "CSV"). XLSX: the first sheet; date cells become
 * ISO dates, numbers become the shortest decimal string Excel itself would show (15 significant digits),
 * so 0.2 万元 stays "0.2" and never becomes 0.20000000000000001.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export interface TableRow {
  /** 1-based spreadsheet row; the header is row 1 (unless a title stands above it: OpenTableOptions). */
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

/** The header row's names, normalized; refused when blank or when a name repeats. */
function headersOf(values: (string | undefined)[] | undefined): string[] {
  if (!values || values.every((h) => clean(h) === undefined)) throw new ImportFileError('The file has no header row.');
  const headers = values.map((h) => normalizeHeader(h ?? ''));
  const seen = new Set<string>();
  for (const h of headers) {
    if (h !== '' && seen.has(h)) throw new ImportFileError(`Column "${h}" appears twice in the header row.`);
    seen.add(h);
  }
  return headers;
}

/** A data row keyed by header, or undefined for a blank row (skipped, but later row numbers stay right). */
function rowOf(headers: string[], values: (string | undefined)[], rowNumber: number): TableRow | undefined {
  const cells: Record<string, string | undefined> = {};
  let any = false;
  headers.forEach((h, col) => {
    if (h === '') return; // an unnamed column (e.g. a stray note) carries no field
    const v = clean(values[col]);
    cells[h] = v;
    if (v !== undefined) any = true;
  });
  return any ? { rowNumber, cells } : undefined;
}

/** One raw spreadsheet row: its 1-based number and its cells in column order. */
interface RawRow {
  number: number;
  values: (string | undefined)[];
}

/**
 * Text of a CSV's bytes, chunk by chunk: UTF-8 (with or without BOM) or, when the first chunk is not valid
 * UTF-8, GB18030/GBK. The header row is in the first chunk and Chinese GBK bytes are not valid UTF-8, so the
 * first chunk decides; a later chunk that breaks the chosen encoding makes the file unreadable.
 */
async function* decodeText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    if (!decoder) {
      decoder = new TextDecoder('utf-8', { fatal: true });
      try {
        yield decoder.decode(chunk, { stream: true });
        continue;
      } catch {
        decoder = new TextDecoder('gb18030');
      }
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileError('The file is not valid UTF-8 throughout: save it again as CSV UTF-8.');
    }
  }
  if (decoder) yield decoder.decode();
}

async function* csvRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<RawRow> {
  // No skip_empty_lines: a blank line still counts as a spreadsheet row for the row numbers in the report.
  // relax_quotes: a quote inside an unquoted cell (当事人"张三") is text, as Excel reads it.
  const parser = parse({ relax_column_count: true, relax_quotes: true, bom: true });
  // pipeline: a decoding error destroys the parser with it, so the loop below ends with that error.
  pipeline(Readable.from(decodeText(chunks)), parser, () => {});
  let number = 0;
  try {
    for await (const values of parser as AsyncIterable<string[]>) yield { number: ++number, values };
  } catch (e) {
    // What is left (a quote never closed) leaves no row boundary to trust after it.
    if (e instanceof CsvError) throw new ImportFileError(`The file is not readable CSV: ${e.message}.`);
    throw e;
  }
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
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula's cached result; the streaming reader drops error results (#DIV/0!), and a file written
    // without calculation has none: Excel's "value not available" then, never an empty cell.
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined || result === null ? '#N/A' : cellText(result);
  }
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return value.error;
  return undefined;
}

/** The first sheet's rows, streamed: dates come as ISO dates (cell styles are read), strings from the shared table. */
async function* xlsxRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const values: (string | undefined)[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          values[col - 1] = cellText(cell.value);
        });
        yield { number: row.number, values };
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    // The reader's own error stays attached (never printed to the importing user) for whoever debugs it.
    throw new ImportFileError('The file is not a readable XLSX workbook.', { cause: e });
  }
  if (sheets === 0) throw new ImportFileError('The workbook has no sheet.');
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export interface TableStream {
  headers: string[];
  /** The data rows, read once, as the file is read. */
  rows: AsyncIterable<TableRow>;
  /** Bytes of the file read so far and in all: the progress of a long import. */
  bytesRead(): number;
  size: number;
  /** Stops reading (an import that ends early): the file is closed. */
  close(): void;
}

function sourceOf(file: string | Uint8Array): { chunks: AsyncIterable<Uint8Array>; close(): void } {
  if (typeof file !== 'string') return { chunks: Readable.from([file]), close: () => {} };
  const stream = createReadStream(file);
  return { chunks: stream, close: () => stream.destroy() };
}

export interface OpenTableOptions {
  /**
   * For files that may carry a title above the header (an official list's "市场准入负面清单（2025年版）"): the
   * header is the first of rows 1…`within` that `isHeader` accepts (given the row's normalized cells), row 1
   * when none does. Without it the header is row 1.
   */
  findHeader?: { within: number; isHeader(values: string[]): boolean };
}

/** The header row: row 1, or the first row `findHeader` accepts among its first rows. */
async function headerRow(raw: AsyncGenerator<RawRow>, find: OpenTableOptions['findHeader']): Promise<(string | undefined)[] | undefined> {
  const head = await raw.next();
  if (head.done) return undefined;
  const first = head.value.number === 1 ? head.value.values : undefined;
  if (!find) return first;
  for (let row: IteratorResult<RawRow> = head; !row.done && row.value.number <= find.within; row = await raw.next()) {
    if (find.isHeader(row.value.values.map((v) => normalizeHeader(v ?? '')))) return row.value.values;
  }
  // None looked like the header: row 1 is taken, so the refusal names what it lacks. The rows read past it are
  // gone, which does not matter: a file without its header is refused whole.
  return first;
}

/**
 * Opens a CSV or XLSX (told apart by content: an XLSX is a zip, whatever the file is called) and reads its
 * header row; the data rows follow as the file is read, so a file of any length is read in constant memory
 * (an XLSX's shared-string table excepted: exceljs keeps it while the sheet is read).
 */
export async function openTable(file: string | Uint8Array, options: OpenTableOptions = {}): Promise<TableStream> {
  const size = typeof file === 'string' ? (await stat(file)).size : file.length;
  if (size === 0) throw new ImportFileError('The file is empty.');
  const source = sourceOf(file);
  let read = 0;
  const chunks = source.chunks[Symbol.asyncIterator]();
  try {
    const first = await chunks.next();
    if (first.done) throw new ImportFileError('The file is empty.');
    const firstChunk = first.value;
    async function* all(): AsyncGenerator<Uint8Array> {
      read += firstChunk.length;
      yield firstChunk;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        read += next.value.length;
        yield next.value;
      }
    }
    const raw = (isZip(firstChunk) ? xlsxRows : csvRows)(all());
    const headers = headersOf(await headerRow(raw, options.findHeader));
    async function* rows(): AsyncGenerator<TableRow> {
      for await (const { number, values } of raw) {
        const row = rowOf(headers, values, number);
        if (row) yield row;
      }
    }
    return { headers: headers.filter((h) => h !== ''), rows: rows(), bytesRead: () => read, size, close: source.close };
  } catch (e) {
    source.close();
    throw e;
  }
}

/** The whole table at once, for files small enough to hold (the national-template import counts its rows first). */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  const table = await openTable(bytes);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { headers: table.headers, rows };
}
