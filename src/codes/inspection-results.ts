/**
 * 检查结果 of a market-regulation inspection (双随机、一公开, 国发〔2019〕5号): codes and labels of the Zhejiang
 * market-regulation system (a provincial practice; the national 公示系统 list was not available), in that system's
 * order. `abnormalList`: the result leads to 经营异常名录 (企业信息公示暂行条例 art. 17).
 * See docs/code-lists.md#inspection-results.
 * The zod enum and GET /v1/code-lists/inspection-results derive from this list.
 */
import { codeList } from './code-list.js';

export const INSPECTION_RESULTS = [
  { code: '1', name: '未发现问题', abnormalList: false },
  { code: 'B', name: '未按规定公示应当公示的信息', abnormalList: false },
  { code: 'C', name: '公示信息隐瞒真实情况弄虚作假', abnormalList: true },
  { code: '6', name: '通过登记的住所（经营场所）无法联系', abnormalList: true },
  { code: 'E', name: '发现问题经责令已改正', abnormalList: false },
  { code: '8', name: '不配合检查情节严重', abnormalList: false },
  { code: 'F', name: '未发现开展本次抽查涉及的经营活动', abnormalList: false },
  { code: 'A', name: '发现问题待后续处理', abnormalList: false },
  { code: '7', name: '已关闭停业或正在组织清算', abnormalList: false },
  { code: '9', name: '注销', abnormalList: false },
  { code: '10', name: '被吊销', abnormalList: false },
  { code: '11', name: '被撤销', abnormalList: false },
  { code: '12', name: '迁出', abnormalList: false },
  { code: 'D', name: '违反其他工商行政管理规定行为', abnormalList: false },
  { code: '3', name: '违反食品药品管理相关规定', abnormalList: false },
  { code: '4', name: '违反质量技术监督相关规定', abnormalList: false },
  { code: '5', name: '违反其他部门相关规定', abnormalList: false },
  { code: 'G', name: '违反公安部门相关规定', abnormalList: false },
] as const;

export const inspectionResults = codeList(INSPECTION_RESULTS, { path: 'inspection-results', title: '检查结果', example: '1' });
export const InspectionResult = inspectionResults.schema;
