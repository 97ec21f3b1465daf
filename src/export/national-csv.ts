/**
 * National 双公示 CSV export (行政处罚 fields #1–#30, 行政许可 fields #1–#28, in that order, with the national Chinese
 * headers; docs/fields.md#import-export). Runs on Workers as well as Node: no Node built-ins, only csv-stringify's pure sync API.
 *
 * Amounts: the API keeps yuan; the national columns are 万元 decimal(·,6), rendered with exactly 6 decimals
 * by money.ts yuanToWan ("2000.00" 元 -> "0.200000"), exact by construction (fen = 0.000001 万元).
 * Codes go back to national names: 行政相对人类别, 处罚类别 (joined with "；"), 证件类型 (national spelling, e.g.
 * 护照号; "其他-…" as stored), 许可类别 (其他 -> "其他-" + categoryDetail), 当前状态 有效/无效.
 * Callers write CSV_BOM first when the file is meant for Excel.
 */
import { stringify } from 'csv-stringify/sync';
import { ID_DOCUMENT_TYPES } from '../codes/id-document-types.js';
import { LICENCE_CATEGORIES } from '../codes/licence-categories.js';
import { PARTY_CATEGORY_LIST } from '../codes/party-categories.js';
import { PENALTY_TYPES } from '../codes/penalty-types.js';
import { yuanToWan } from '../lib/money.js';
import type { Penalty } from '../schemas/penalties.js';
import type { PenaltyPartyPublic } from '../schemas/penalty-party.js';

export const CSV_BOM = '\uFEFF';

const PARTY_HEADERS = [
  '行政相对人名称', '行政相对人类别', '行政相对人代码_1(统一社会信用代码)', '行政相对人代码_2(工商注册号)', '行政相对人代码_3(组织机构代码)',
  '行政相对人代码_4(税务登记号)', '行政相对人代码_5(事业单位证书号)', '行政相对人代码_6(社会组织登记证号)', '法定代表人', '法定代表人证件类型',
  '法定代表人证件号码', '证件类型', '证件号码',
];
export const PENALTY_HEADERS = [
  ...PARTY_HEADERS,
  '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额(万元)', '没收违法所得、没收非法财物的金额(万元)',
  '暂扣或吊销证照名称及编号', '处罚决定日期', '处罚有效期', '公示截止期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位',
  '数据来源单位统一社会信用代码', '备注',
] as const;
export const LICENCE_HEADERS = [
  ...PARTY_HEADERS,
  '行政许可决定文书名称', '行政许可决定文书号', '许可类别', '许可证书名称', '许可编号', '许可内容', '许可决定日期', '有效期自', '有效期至',
  '许可机关', '许可机关统一社会信用代码', '当前状态', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;

/** The licence record as the export needs it (mirrors the LicenceCreate names plus the server-filled columns). */
export interface LicenceRecord {
  party: PenaltyPartyPublic;
  documentTitle: string;
  decisionNumber: string;
  category: string;
  categoryDetail?: string | null;
  certificateName?: string | null;
  licenceNumber?: string | null;
  content: string;
  decisionDate: string;
  validFrom: string;
  validTo: string;
  licensingAgency: string;
  licensingAgencyCreditCode: string;
  state?: 'valid' | 'invalid' | null;
  dataSource: string;
  dataSourceCreditCode: string;
  remarks?: string | null;
}

export type Cell = string | null | undefined;

const nameMap = (list: readonly { code: string; name: string }[]) => new Map(list.map((e) => [e.code, e.name]));
const CATEGORY = nameMap(PARTY_CATEGORY_LIST);
const PENALTY_TYPE = nameMap(PENALTY_TYPES);
const LICENCE_CATEGORY = nameMap(LICENCE_CATEGORIES);
// The national value list spells the passport "护照号" (field #10, docs/code-lists.md#id-document-types); the others as in the code list.
const ID_TYPE = new Map([...nameMap(ID_DOCUMENT_TYPES.filter((t) => !t.specify)), ['02', '护照号']]);

const idTypeName = (t: Cell) => (t ? (ID_TYPE.get(t) ?? t) : t);
const wan = (yuan: Cell) => (yuan ? yuanToWan(yuan) : yuan);

function partyCells(p: PenaltyPartyPublic): Cell[] {
  return [
    p.name, CATEGORY.get(p.category) ?? p.category, p.creditCode, p.registrationNumber, p.orgCode, p.taxNumber,
    p.institutionCertificate, p.socialOrgCertificate, p.legalRepresentative, idTypeName(p.legalRepresentativeIdType),
    p.legalRepresentativeIdNumber, idTypeName(p.idType), p.idNumber,
  ];
}

/**
 * A text cell that Excel would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, which
 * Excel shows as text; the importer drops it again (src/import/read-table.ts). Amounts and dates never start so.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const inert = (c: Cell) => (c ? (FORMULA_START.test(c) ? `'${c}` : c) : '');

// RFC 4180 lines (CRLF); quotes, commas and line breaks inside cells are quoted by csv-stringify.
export const csvLines = (rows: Cell[][]) => (rows.length ? stringify(rows.map((r) => r.map(inert)), { record_delimiter: 'windows' }) : '');

export const penaltyCsvHeader = (): string => csvLines([[...PENALTY_HEADERS]]);
export const licenceCsvHeader = (): string => csvLines([[...LICENCE_HEADERS]]);

export function penaltyCsvRows(records: readonly Penalty[]): string {
  return csvLines(
    records.map((r) => [
      ...partyCells(r.party),
      r.decisionNumber, r.violationType, r.facts, r.basis, r.penaltyTypes.map((c) => PENALTY_TYPE.get(c) ?? c).join('；'), r.content,
      wan(r.fineAmount), wan(r.confiscationAmount), r.licenceRevoked, r.decisionDate, r.validUntil, r.publicityEndDate,
      r.decidingAgency, r.decidingAgencyCreditCode, r.dataSource, r.dataSourceCreditCode, r.remarks,
    ]),
  );
}

export function licenceCsvRows(records: readonly LicenceRecord[]): string {
  return csvLines(
    records.map((r) => [
      ...partyCells(r.party),
      r.documentTitle, r.decisionNumber,
      LICENCE_CATEGORIES.find((c) => c.code === r.category)?.specify ? `其他-${r.categoryDetail ?? ''}` : (LICENCE_CATEGORY.get(r.category) ?? r.category),
      r.certificateName, r.licenceNumber, r.content, r.decisionDate, r.validFrom, r.validTo, r.licensingAgency, r.licensingAgencyCreditCode,
      r.state ? (r.state === 'valid' ? '有效' : '无效') : r.state, r.dataSource, r.dataSourceCreditCode, r.remarks,
    ]),
  );
}
