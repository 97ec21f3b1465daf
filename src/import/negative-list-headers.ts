/**
 * Header -> field mapping of a 市场准入负面清单 file: the columns of the official table as agencies republish it
 * (项目号 | 禁止或许可事项 | 事项编码 | 禁止或许可准入措施描述 | 主管部门 | 地方性许可事项), in any order, by name or a
 * common variant, plus an optional 类别 and 设立依据. The official spreadsheets carry a title row (市场准入负面清单
 * （2025年版）) above the header: the header is the first of the first rows that names the required columns.
 */
import { col, columnNames, HeaderError, matchColumns, req, type Column, type ColumnMapping } from './national-headers.js';

const COLUMNS: Column[] = [
  col('itemNo', '项目号', [], ['项目序号', '事项序号']),
  req('name', '禁止或许可事项', [], ['事项名称', '禁止或许可准入事项', '准入事项', '禁止或许可事项名称', '事项']),
  req('code', '事项编码', [], ['事项代码', '清单编码', '编码', '代码']),
  req('text', '禁止或许可准入措施描述', [], ['准入措施描述', '措施描述', '禁止或许可准入措施', '禁止或许可措施描述', '措施内容', '准入措施']),
  col('authorities', '主管部门', [], ['主管部门(单位)', '主管单位', '主管机关', '负责部门']),
  col('local', '地方性许可事项', [], ['地方性许可措施', '地方性许可', '地方性措施', '适用地区']),
  col('category', '类别', [], ['事项类别', '清单类别', '准入类别']),
  col('basisText', '设立依据', [], ['设定依据', '依据']),
];

/** Rows above the header a file may carry (its title, a 附件 line, a date). */
export const HEADER_SEARCH_ROWS = 10;

/** Whether a row's cells name every required column: the header row. */
export const isNegativeListHeader = (values: string[]) => matchColumns(COLUMNS, values.filter((v) => v !== '')).missing.length === 0;

/** The file's headers as item fields; HeaderError naming the missing columns. */
export function mapNegativeListHeaders(headers: string[]): ColumnMapping {
  const found = matchColumns(COLUMNS, headers);
  if (found.missing.length) {
    throw new HeaderError(
      `The headers are not a 市场准入负面清单 table: missing ${found.missing.join('、')}` + (found.unknown.length ? `; unknown ${found.unknown.join('、')}` : '') + '. Nothing was imported.',
    );
  }
  return { fieldOf: found.fieldOf, ignoredColumns: found.unknown, columnName: columnNames(COLUMNS) };
}
