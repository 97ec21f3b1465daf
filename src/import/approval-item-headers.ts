/**
 * Header -> field mapping of a 行政许可事项清单 file. No national template fixes these headers, so each field is
 * found by its name or the variants agencies' lists and 办事指南 use (事项名称, 行政许可事项名称 …), in any order.
 * The 设定依据 and 实施依据 may come as one column or two (docs/approval-items.md#import).
 */
import { col, columnNames, HeaderError, matchColumns, req, type Column, type ColumnMapping } from './national-headers.js';

const COLUMNS: Column[] = [
  col('code', '事项编码', [], ['事项代码', '行政许可事项编码', '许可事项编码', '基本编码', '实施编码']),
  req('name', '事项名称', [], ['行政许可事项名称', '许可事项名称', '事项', '许可事项']),
  req('category', '许可类别', [], ['审批类别', '行政许可类别', '事项类别']),
  col('basisText', '设定和实施依据', [], ['依据', '法律依据', '设定依据', '许可依据']),
  col('implementBasis', '实施依据'),
  req('conditions', '许可条件', [], ['受理条件', '申请条件', '办理条件', '准予许可的条件']),
  col('materials', '申请材料', [], ['申请材料目录', '材料目录', '所需材料']),
  col('steps', '办理流程', [], ['办理程序', '办理环节', '程序', '流程']),
  req('statutoryDays', '法定办结时限', [], ['法定时限', '法定期限', '法定办理时限']),
  col('promisedDays', '承诺办结时限', [], ['承诺时限', '承诺期限', '承诺办理时限']),
  col('fees', '收费标准', [], ['收费', '收费项目', '是否收费', '收费情况']),
  req('channels', '办理渠道', [], ['办理方式', '办理形式']),
  col('onlineUrl', '网上办理地址', [], ['网办地址', '在线办理地址', '网上办理链接']),
  col('negativeListMeasures', '负面清单事项编码', [], ['市场准入负面清单事项编码', '对应负面清单措施', '负面清单措施', '市场准入负面清单措施']),
];

/** The file's headers as approval-item fields; HeaderError for a missing required column. */
export function mapApprovalItemHeaders(headers: string[]): ColumnMapping {
  const found = matchColumns(COLUMNS, headers);
  if (found.missing.length) {
    throw new HeaderError(
      `The headers are not a 行政许可事项清单 file: missing ${found.missing.join('、')}` + (found.unknown.length ? `; unknown ${found.unknown.join('、')}` : '') + '.',
    );
  }
  return { fieldOf: found.fieldOf, ignoredColumns: found.unknown, columnName: columnNames(COLUMNS) };
}
