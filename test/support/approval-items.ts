/** Valid 行政许可事项 payloads. */
import { uniqueCode } from './inspections.js';

/** A 食品经营许可 item of a city market-regulation bureau; fields override. */
export const validApprovalItem = (fields: Record<string, unknown> = {}) => ({
  code: uniqueCode('XK'),
  name: '食品经营许可',
  category: '01',
  basisText: '《中华人民共和国食品安全法》第三十五条',
  conditions: '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所。',
  materials: [
    { name: '食品经营许可申请书', form: { title: '食品经营许可申请书', url: 'https://scjgj.example.gov.cn/forms/spjy-sqs.docx' }, copies: 1, required: true },
    { name: '营业执照复印件', required: true },
    { name: '食品安全管理制度', required: false, note: '已在其他许可中提交的，可不再提交。' },
  ],
  steps: [
    { name: '受理', days: 1 },
    { name: '审查', description: '材料审查，必要时现场核查。', days: 7 },
    { name: '决定', days: 1 },
  ],
  statutoryDays: 20,
  promisedDays: 10,
  fees: [],
  channels: ['window', 'online'],
  onlineUrl: 'https://zwfw.example.gov.cn/item/spjy',
  negativeListMeasures: [{ itemCode: '200001', measureNo: 1 }],
  ...fields,
});
