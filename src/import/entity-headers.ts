/**
 * Header -> field mapping of a 检查对象名录库 file (the directory random selection draws from). No national
 * template fixes these headers, so each field is found by its name or the variants agencies' registers use
 * (市场主体名称, 企业名称 …), in any order. A column that would carry a person's data (联系人, 联系电话, 手机,
 * 身份证 …) refuses the whole file before any row is read: the directory holds the public registration facts
 * of an entity only (企业信息公示暂行条例 art. 6), and a person's data is processed no further than the duty
 * needs (个人信息保护法 arts. 6 and 34; docs/inspection-import.md#refused).
 */
import { col, columnNames, HeaderError, matchColumns, req, type Column, type ColumnMapping } from './national-headers.js';

const COLUMNS: Column[] = [
  req('name', '名称', [], ['市场主体名称', '企业名称', '主体名称', '对象名称', '检查对象名称', '单位名称']),
  col('creditCode', '统一社会信用代码', [], ['社会信用代码', '信用代码']),
  col('registrationNo', '注册号', [], ['工商注册号', '工商登记码', '注册号码']),
  col('objectType', '对象类型', [], ['抽查对象类型', '检查对象类型', '对象类别']),
  col('entityKind', '主体类型', [], ['企业类型', '市场主体类型', '企业类别']),
  req('regionCode', '行政区划代码', [], ['所在地区划', '所在地区划代码', '所在行政区划', '所在行政区划代码', '区划代码']),
  col('industryCode', '国民经济行业分类', [], ['行业代码', '国民经济行业分类代码', '国民经济行业代码', '行业分类代码']),
  col('address', '登记住所', [], ['住所', '注册地址', '经营场所', '地址']),
  col('riskClass', '信用风险分类', [], ['风险等级', '信用风险等级', '风险分类', '信用风险分类结果']),
  col('tags', '标签', [], ['标签(多个以逗号分隔)']),
];

/**
 * Headers that name a person's data. 登记住所 is an entity's registered address and stays; 住址 is a person's
 * home. 法定代表人 is refused too: the directory names entities, not the people behind them.
 */
const PERSONAL = /联系|电话|手机|身份证|证件|法定代表人|法人代表|负责人|经营者|邮箱|电子邮件|e-?mail|住址|微信|出生|性别/i;

/** The file's headers as directory fields; HeaderError for a personal-data column or a missing required one. */
export function mapEntityHeaders(headers: string[]): ColumnMapping {
  const personal = headers.filter((h) => PERSONAL.test(h));
  if (personal.length) {
    throw new HeaderError(
      `The file has ${personal.length === 1 ? 'a column' : 'columns'} of personal data the directory does not hold: ${personal.join('、')}. ` +
        'A contact person, phone number, identity number or other data of a person is refused; remove the column and import again. Nothing was imported.',
    );
  }
  const found = matchColumns(COLUMNS, headers);
  if (found.missing.length) {
    throw new HeaderError(
      `The headers are not a 检查对象名录库 file: missing ${found.missing.join('、')}` + (found.unknown.length ? `; unknown ${found.unknown.join('、')}` : '') + '.',
    );
  }
  return { fieldOf: found.fieldOf, ignoredColumns: found.unknown, columnName: columnNames(COLUMNS) };
}
