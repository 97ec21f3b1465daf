/**
 * 抽查检查结果 CSV, in the columns the 国家企业信用信息公示系统 publishes random-inspection results with (task,
 * type, inspecting and implementing agencies, entity with its 统一社会信用代码 or 注册号, date, result, publication
 * date). Rendered like the 双公示 exports (src/export/national-csv.ts: CRLF, RFC 4180, inert formula cells).
 * No inspector is named: the national publication names the agencies, not the officers (see
 * docs/fields.md#inspection-results-csv).
 */
import { csvLines, type Cell } from './national-csv.js';

export const INSPECTION_RESULT_HEADERS = [
  '抽查任务编号', '抽查任务名称', '抽查类型', '抽查机关', '检查对象名称', '统一社会信用代码/注册号', '检查日期', '检查结果', '检查实施机关', '公示日期',
] as const;

/** One result as the export needs it. */
export interface InspectionResultLine {
  taskId: string;
  taskName: string;
  targeted: boolean;
  leadAgencyName: string;
  entityName: string;
  creditCode: string | null;
  registrationNo: string | null;
  inspectedOn: string;
  resultName: string;
  agencyName: string;
  publishedOn: string;
}

export const inspectionResultCsvHeader = (): string => csvLines([[...INSPECTION_RESULT_HEADERS]]);

export function inspectionResultCsvRows(rows: readonly InspectionResultLine[]): string {
  return csvLines(
    rows.map((r): Cell[] => [
      r.taskId, r.taskName, r.targeted ? '定向' : '不定向', r.leadAgencyName, r.entityName, r.creditCode ?? r.registrationNo,
      r.inspectedOn, r.resultName, r.agencyName, r.publishedOn,
    ]),
  );
}
