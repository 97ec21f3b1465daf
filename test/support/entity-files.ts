/** Directory files for the entity import tests: rows by header, written as CSV or XLSX. */
import ExcelJS from 'exceljs';
import { completeCreditCode } from '../../src/lib/credit-code.js';

export type EntityRow = Record<string, string | number | undefined>;

let serial = 0;
/** A valid 统一社会信用代码 no other row of this run has (the org-code body counts up). */
export function entityCreditCode(): string {
  serial += 1;
  return completeCreditCode('914401' + '06' + String(serial).padStart(8, '0').slice(-8));
}

/** A 15-digit 注册号 no other row of this run has. */
export const registrationNo = () => `4401060${String(++serial).padStart(8, '0')}`;

const cell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function entityCsv(headers: string[], rows: EntityRow[]): Uint8Array {
  return new TextEncoder().encode(['\uFEFF' + headers.join(','), ...rows.map((r) => headers.map((h) => cell(r[h])).join(','))].join('\r\n') + '\r\n');
}

export async function entityXlsx(headers: string[], rows: EntityRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('检查对象名录');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
