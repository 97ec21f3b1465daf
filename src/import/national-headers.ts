/**
 * Header -> field mapping of the national 双公示 templates (docs/fields.md), current and legacy.
 * A column is found by its national Chinese name (any order), a common variant, or its column code
 * (CF_XDR_MC …, case-insensitive). A header "名称(说明)" not found as a whole is tried by the name inside the
 * parentheses first: "行政相对人代码_2(工商注册号)" means 工商注册号 in either format, whatever the slot number.
 * The legacy format numbers the code slots differently (old _2 = 组织机构代码, _3 = 工商登记码; new _2 =
 * 工商注册号, _3 = 组织机构代码), so a bare "行政相对人代码_2" is resolved only after the format is known.
 */
import { normalizeHeader } from './read-table.js';

export type ImportKind = 'penalties' | 'licences';
export type ImportFormat = 'current' | 'legacy';

/** A source field: the zod path joined by '.', or a pseudo-field the row mapper interprets. */
export type FieldKey = string;
/** Known national columns whose value the server fills (agency names, region codes …): read and dropped. */
const IGNORE = '-';

export interface Column {
  key: FieldKey;
  /** National Chinese header, used in error reports. */
  name: string;
  aliases?: string[];
  codes?: string[];
  required?: boolean;
}

export const col = (key: FieldKey, name: string, codes: string[] = [], aliases: string[] = [], required = false): Column => ({ key, name, codes, aliases, required });
export const req = (key: FieldKey, name: string, codes: string[] = [], aliases: string[] = []) => col(key, name, codes, aliases, true);

/** National fields #1–#13 of both kinds, with the column codes of the given prefix (CF or XK). */
const currentParty = (p: string): Column[] => [
  req('party.name', '行政相对人名称', [`${p}_XDR_MC`]),
  req('party.category', '行政相对人类别', [`${p}_XDR_LB`]),
  col('party.creditCode', '行政相对人代码_1(统一社会信用代码)', [`${p}_XDR_SHXYM`], ['行政相对人代码_1', '统一社会信用代码']),
  col('party.registrationNumber', '行政相对人代码_2(工商注册号)', [`${p}_XDR_GSZC`], ['行政相对人代码_2', '工商注册号', '工商登记码']),
  col('party.orgCode', '行政相对人代码_3(组织机构代码)', [`${p}_XDR_ZZJG`], ['行政相对人代码_3', '组织机构代码']),
  col('party.taxNumber', '行政相对人代码_4(税务登记号)', [`${p}_XDR_SWDJ`], ['行政相对人代码_4', '税务登记号']),
  col('party.institutionCertificate', '行政相对人代码_5(事业单位证书号)', [`${p}_XDR_SYDW`], ['行政相对人代码_5', '事业单位证书号']),
  col('party.socialOrgCertificate', '行政相对人代码_6(社会组织登记证号)', [`${p}_XDR_SHZZ`], ['行政相对人代码_6', '社会组织登记证号']),
  col('party.legalRepresentative', '法定代表人', [`${p}_FRDB`], ['法定代表人姓名']),
  col('party.legalRepresentativeIdType', '法定代表人证件类型', [`${p}_FR_ZJLX`]),
  col('party.legalRepresentativeIdNumber', '法定代表人证件号码', [`${p}_FR_ZJHM`, `${p}_FR_SFZH`]),
  col('party.idType', '证件类型', [`${p}_XDR_ZJLX`]),
  col('party.idNumber', '证件号码', [`${p}_XDR_ZJHM`]),
];

/** Legacy 行政相对人代码_1…_5 (docs/fields.md#legacy-format): _5 is a 居民身份证号, placed by the row mapper (party or representative). */
const legacyParty: Column[] = [
  req('party.name', '行政相对人名称'),
  col('party.creditCode', '行政相对人代码_1(统一社会信用代码)', [], ['行政相对人代码_1', '统一社会信用代码']),
  col('party.orgCode', '行政相对人代码_2(组织机构代码)', [], ['行政相对人代码_2', '组织机构代码']),
  col('party.registrationNumber', '行政相对人代码_3(工商登记码)', [], ['行政相对人代码_3', '工商登记码', '工商注册号']),
  col('party.taxNumber', '行政相对人代码_4(税务登记号)', [], ['行政相对人代码_4', '税务登记号']),
  col('residentId', '行政相对人代码_5(居民身份证号)', [], ['行政相对人代码_5', '居民身份证号']),
  col('party.legalRepresentative', '法定代表人姓名', [], ['法定代表人']),
];

const COLUMNS: Record<ImportKind, Record<ImportFormat, Column[]>> = {
  penalties: {
    current: [
      ...currentParty('CF'),
      req('decisionNumber', '行政处罚决定书文号', ['CF_WSH']),
      req('violationType', '违法行为类型', ['CF_WFXW']),
      req('facts', '违法事实', ['CF_SY']),
      req('basis', '处罚依据', ['CF_YJ']),
      req('penaltyTypes', '处罚类别', ['CF_CFLB']),
      req('content', '处罚内容', ['CF_NR']),
      col('fineAmount', '罚款金额(万元)', ['CF_NR_FK'], ['罚款金额']),
      col('confiscationAmount', '没收违法所得、没收非法财物的金额(万元)', ['CF_NR_WFFF'], ['没收违法所得、没收非法财物的金额', '没收金额(万元)']),
      col('licenceRevoked', '暂扣或吊销证照名称及编号', ['CF_NR_ZKDX']),
      req('decisionDate', '处罚决定日期', ['CF_JDRQ']),
      req('validUntil', '处罚有效期', ['CF_YXQ']),
      col('publicityEndDate', '公示截止期', ['CF_GSJZQ']),
      col(IGNORE, '处罚机关', ['CF_CFJG']),
      col('agencyCreditCode', '处罚机关统一社会信用代码', ['CF_CFJGDM']),
      col(IGNORE, '数据来源单位', ['CF_SJLY']),
      col(IGNORE, '数据来源单位统一社会信用代码', ['CF_SJLYDM']),
      col('remarks', '备注', ['BZ']),
    ],
    legacy: [
      req('decisionNumber', '行政处罚决定书文号'),
      req('violationType', '处罚名称'),
      req('penaltyTypes', '处罚类别1'),
      col('penaltyTypes2', '处罚类别2'),
      req('facts', '处罚事由'),
      req('basis', '处罚依据'),
      ...legacyParty,
      req('content', '处罚结果'),
      req('decisionDate', '处罚决定日期'),
      col('validUntil', '处罚截止期'),
      col('fineAmount', '罚款金额(万元)', [], ['罚款金额']),
      col('agencyCreditCode', '处罚机关统一社会信用代码'),
      ...['处罚机关', '当前状态', '地方编码', '数据更新时间戳', '公示期限'].map((n) => col(IGNORE, n)),
      col('remarks', '备注'),
    ],
  },
  licences: {
    current: [
      ...currentParty('XK'),
      req('documentTitle', '行政许可决定文书名称', ['XK_XKWS']),
      req('decisionNumber', '行政许可决定文书号', ['XK_WSH']),
      req('category', '许可类别', ['XK_XKLB']),
      col('certificateName', '许可证书名称', ['XK_XKZS']),
      col('licenceNumber', '许可编号', ['XK_XKBH']),
      req('content', '许可内容', ['XK_NR']),
      req('decisionDate', '许可决定日期', ['XK_JDRQ']),
      req('validFrom', '有效期自', ['XK_YXQZ']),
      req('validTo', '有效期至', ['XK_YXQZI']),
      col(IGNORE, '许可机关', ['XK_XKJG']),
      col('agencyCreditCode', '许可机关统一社会信用代码', ['XK_XKJGDM']),
      col('state', '当前状态', ['XK_ZT']),
      col(IGNORE, '数据来源单位', ['XK_SJLY']),
      col(IGNORE, '数据来源单位统一社会信用代码', ['XK_SJLYDM']),
      col('remarks', '备注', ['BZ']),
    ],
    legacy: [
      req('decisionNumber', '行政许可决定书文号'),
      req('documentTitle', '项目名称'),
      req('category', '审批类别'),
      req('content', '许可内容'),
      ...legacyParty,
      req('decisionDate', '许可决定日期'),
      col('validTo', '许可截止期'),
      col('state', '当前状态'),
      col('licenceNumber', '行政许可编码'),
      col('agencyCreditCode', '许可机关统一社会信用代码'),
      ...['许可机关', '地方编码', '数据更新时间戳', '信息使用范围'].map((n) => col(IGNORE, n)),
      col('remarks', '备注'),
    ],
  },
};

const lookupKey = (h: string) => normalizeHeader(h).toUpperCase();

function resolve(columns: Column[], header: string): Column | undefined {
  const byName = new Map<string, Column>();
  for (const c of columns) for (const n of [c.name, ...(c.aliases ?? []), ...(c.codes ?? [])]) byName.set(lookupKey(n), c);
  const h = lookupKey(header);
  const paren = /^(.+)\((.+)\)$/.exec(h);
  return byName.get(h) ?? (paren ? (byName.get(paren[2]!) ?? byName.get(paren[1]!)) : undefined);
}

/** Which field each header of a file carries, and the Chinese name a field is reported under. */
export interface ColumnMapping {
  /** File header -> field key (IGNORE for known server-filled columns). */
  fieldOf: Map<string, FieldKey>;
  /** Headers of no known column: ignored, listed in the report. */
  ignoredColumns: string[];
  /** The declared Chinese header of a field key ('' when none). */
  columnName(key: FieldKey): string;
}

export interface HeaderMapping extends ColumnMapping {
  kind: ImportKind;
  format: ImportFormat;
}

export class HeaderError extends Error {
  override name = 'HeaderError';
}

/** The declared columns found among a file's headers (by name, variant or code), the unknown headers and the required columns missing. */
export function matchColumns(columns: Column[], headers: string[]) {
  const fieldOf = new Map<string, FieldKey>();
  const unknown: string[] = [];
  for (const h of headers) {
    const c = resolve(columns, h);
    if (c) fieldOf.set(h, c.key);
    else unknown.push(h);
  }
  const found = new Set(fieldOf.values());
  const missing = columns.filter((c) => c.required && !found.has(c.key)).map((c) => c.name);
  return { columns, fieldOf, unknown, missing };
}

/** The first declared name of each field key. */
export function columnNames(columns: Column[]): (key: FieldKey) => string {
  const names = new Map<FieldKey, string>();
  for (const c of columns) if (!names.has(c.key)) names.set(c.key, c.name);
  return (key) => names.get(key) ?? '';
}

/** Detects the format from the headers; throws HeaderError naming missing and unknown headers when neither fits. */
export function mapHeaders(kind: ImportKind, headers: string[]): HeaderMapping {
  const tries = (['current', 'legacy'] as const).map((format) => ({ format, ...matchColumns(COLUMNS[kind][format], headers) }));
  const fit = tries.filter((t) => t.missing.length === 0).sort((a, b) => a.unknown.length - b.unknown.length)[0];
  if (!fit) {
    // Closest: the format that recognises more of the file's headers.
    const closest = [...tries].sort((a, b) => b.fieldOf.size - a.fieldOf.size || a.missing.length - b.missing.length)[0]!;
    const label = closest.format === 'current' ? 'the current national format' : 'the legacy (2015–2018) format';
    throw new HeaderError(
      `The headers match neither national ${kind === 'penalties' ? '行政处罚' : '行政许可'} template. Closest is ${label}: ` +
        `missing ${closest.missing.join('、')}` +
        (closest.unknown.length ? `; unknown ${closest.unknown.join('、')}` : '') +
        '.',
    );
  }
  return { kind, format: fit.format, fieldOf: fit.fieldOf, ignoredColumns: fit.unknown, columnName: columnNames(fit.columns) };
}

/** The row's cells keyed by field key (the first non-empty column wins when two headers map to one field). */
export function fieldsOf(mapping: Pick<ColumnMapping, 'fieldOf'>, cells: Record<string, string | undefined>): Record<FieldKey, string | undefined> {
  const out: Record<FieldKey, string | undefined> = {};
  for (const [header, key] of mapping.fieldOf) if (key !== IGNORE) out[key] ??= cells[header];
  return out;
}
