import { createProcedure } from '../domain/procedures.js';
import { ProcedureCreate } from '../schemas/procedures.js';
import type { DemoContext } from './context.js';

/*
 * Demo 执法程序与救济渠道 for the city bureau (行政许可 01, 行政处罚 02) and its entrusted brigade (行政处罚 02).
 * Time limits are the statutory ones, quoted from 行政处罚法 (2021) and 行政许可法: 行政处罚法 art. 85 counts
 * 二日/三日/五日/七日 as working days, so 九十日 and 十五日 are calendar days; 行政许可法 art. 82 counts all its
 * limits in working days. Bodies and courts are fictional (示例市…).
 */

const PENALTY_STEPS: ProcedureCreate['steps'] = [
  { name: '立案', description: '符合立案标准的，行政机关应当及时立案（《行政处罚法》第五十四条）。' },
  {
    name: '调查取证',
    description:
      '执法人员不得少于两人（第四十二条），调查或者检查时应当主动出示执法证件（第五十五条）；证据可能灭失或者以后难以取得的，经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定（第五十六条）。',
  },
  { name: '审查', description: '调查终结，行政机关负责人应当对调查结果进行审查；情节复杂或者重大违法行为集体讨论决定（第五十七条）；法定情形须经法制审核（第五十八条）。' },
  {
    name: '告知',
    description: '作出决定之前，告知拟作出的行政处罚内容及事实、理由、依据，以及陈述、申辩、要求听证等权利（第四十四条）。当事人要求听证的，应当在行政机关告知后五日内提出（第六十四条）。',
    timeLimit: { value: 5, unit: '工作日' },
  },
  { name: '决定', description: '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定（第六十条）。', timeLimit: { value: 90, unit: '自然日' } },
  {
    name: '送达',
    description: '行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，行政机关应当在七日内依照《民事诉讼法》的有关规定送达（第六十一条）。',
    timeLimit: { value: 7, unit: '工作日' },
  },
  {
    name: '执行',
    description: '当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款（第六十七条）；到期不缴纳的，每日按罚款数额的百分之三加处罚款（第七十二条）。',
    timeLimit: { value: 15, unit: '自然日' },
  },
];

const LICENCE_STEPS: ProcedureCreate['steps'] = [
  { name: '申请', description: '申请人如实提交申请材料，可以通过信函、电子数据交换和电子邮件等方式提出（《行政许可法》第二十九条、第三十一条）。' },
  {
    name: '受理',
    description: '申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理（第三十二条）。',
    timeLimit: { value: 5, unit: '工作日' },
  },
  { name: '审查', description: '需要对申请材料的实质内容进行核实的，指派两名以上工作人员进行核查（第三十四条）。' },
  {
    name: '决定',
    description: '自受理申请之日起二十日内作出行政许可决定；经本行政机关负责人批准，可以延长十日（第四十二条）。道路客运经营许可同为二十日（《道路运输条例》第十条）。',
    timeLimit: { value: 20, unit: '工作日' },
  },
  { name: '颁证送达', description: '自作出决定之日起十日内向申请人颁发、送达行政许可证件（第四十四条）。', timeLimit: { value: 10, unit: '工作日' } },
];

const RECONSIDERATION_NOTE = '自知道或者应当知道该行政行为之日起六十日内提出行政复议申请（《行政复议法》第二十条）。';
const COURT = '示例市示例区人民法院';

const procedures: { agency: 'city' | 'brigade'; input: ProcedureCreate }[] = [
  {
    agency: 'city',
    input: {
      powerType: '01',
      serviceGuide:
        '事项：道路旅客运输经营许可（示例）。受理机构：示例市交通运输局政务服务窗口，示例市中山路1号，工作日 9:00-12:00、14:00-17:30。办理依据：《中华人民共和国行政许可法》《中华人民共和国道路运输条例》。不收费。',
      steps: LICENCE_STEPS,
      reconsideration: { body: '示例市人民政府', deadlineDays: 60, note: RECONSIDERATION_NOTE },
      litigation: { court: COURT, deadlineMonths: 6 },
      complaint: { channel: '示例市交通运输局法制科（示例市中山路1号）', phone: '12328', url: 'https://jtj.example.gov.cn/complaints' },
    },
  },
  {
    agency: 'city',
    input: {
      powerType: '02',
      serviceGuide:
        '实施机关：示例市交通运输局。立案依据：《中华人民共和国道路运输条例》第六十三条等。实施程序：普通程序如下；违法事实确凿并有法定依据、罚款数额较小的，可以适用简易程序当场作出决定（《行政处罚法》第五十一条）。',
      steps: PENALTY_STEPS,
      reconsideration: { body: '示例市人民政府', deadlineDays: 60, note: RECONSIDERATION_NOTE },
      litigation: { court: COURT, deadlineMonths: 6 },
      complaint: { channel: '示例市交通运输局法制科（示例市中山路1号）', phone: '12328', url: 'https://jtj.example.gov.cn/complaints' },
    },
  },
  {
    agency: 'brigade',
    input: {
      powerType: '02',
      serviceGuide:
        '受委托组织：示例市交通运输综合行政执法支队，以委托行政机关示例市交通运输局名义实施道路运输领域行政处罚（不含吊销许可证件），委托书：示交委〔2024〕3号（《行政处罚法》第二十条）。',
      steps: PENALTY_STEPS,
      reconsideration: {
        body: '示例市人民政府',
        deadlineDays: 60,
        note: RECONSIDERATION_NOTE + '受委托组织以委托行政机关名义实施处罚，被申请人为示例市交通运输局。',
      },
      litigation: { court: COURT, deadlineMonths: 6 },
      complaint: { channel: '示例市交通运输局法制科；示例市司法局行政执法监督科', phone: '12328' },
    },
  },
];

export async function seedProcedures(ctx: DemoContext): Promise<void> {
  for (const { agency, input } of procedures) {
    const agencyId = ctx.agencies.get(agency);
    if (!agencyId) continue;
    await createProcedure(ctx.db, { kind: 'admin' }, ctx.now, agencyId, ProcedureCreate.parse(input));
  }
}
