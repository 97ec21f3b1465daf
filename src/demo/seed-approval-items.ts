import { createApprovalItem } from '../domain/approval-items/items.js';
import { decisionRules } from '../domain/decisions/rules.js';
import { createLicences } from '../domain/licences/create.js';
import { completeCreditCode } from '../lib/credit-code.js';
import { chinaDate } from '../lib/validity.js';
import { ApprovalItemCreate } from '../schemas/approval-items.js';
import { LicenceCreate } from '../schemas/licences.js';
import type { DemoContext } from './context.js';

const operator = { kind: 'admin' } as const;
const daysBefore = (date: string, n: number) => new Date(Date.parse(date) - n * 86_400_000).toISOString().slice(0, 10);
const addYears = (date: string, n: number) => `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;

/**
 * 谁审批谁公示 for the demo market-regulation bureau: its 食品经营许可 item as a 办事指南 states it — basis
 * (食品安全法 art. 35; 《食品经营许可和备案管理办法》, 国家市场监督管理总局令第78号), conditions, materials with the
 * application form, steps, time limits, no fee, window and online — published a little before `now`, and one
 * fictional 餐饮服务 licence decided under it two days ago (selling only prepackaged food needs a filing, not
 * this licence). The time limits are the demo's: the statutory one is 行政许可法 art. 42's general 20 working
 * days, the promise the bureau's own; an agency publishes the limits of its own list.
 */
export async function seedApprovalItems(ctx: DemoContext, publishedAt: Date): Promise<void> {
  const market = ctx.agencies.get('market');
  if (!market) return;
  const item = ApprovalItemCreate.parse({
    agencyId: market,
    code: 'SJ-XK-0001',
    name: '食品经营许可',
    category: '01',
    basisText: '设定依据：《中华人民共和国食品安全法》第三十五条\n实施依据：《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
    conditions:
      '（一）具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持该场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离；\n' +
      '（二）具有与经营的食品品种、数量相适应的经营设备或者设施；\n' +
      '（三）有专职或者兼职的食品安全专业技术人员、食品安全管理人员和保证食品安全的规章制度；\n' +
      '（四）具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染，避免食品接触有毒物、不洁物。',
    materials: [
      { name: '食品经营许可申请书', form: { title: '食品经营许可申请书', url: 'https://scjgj.example.gov.cn/forms/spjy-sqs.docx' }, copies: 1, required: true },
      { name: '营业执照或者其他主体资格证明文件', copies: 1, required: true, note: '可通过政务信息共享获取的，免于提交。' },
      { name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', copies: 1, required: true },
      { name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录清单', copies: 1, required: true },
      { name: '授权委托书及被委托人身份证明', required: false, note: '委托他人办理的提交。' },
    ],
    steps: [
      { name: '申请', description: '窗口或网上提交申请材料。' },
      { name: '受理', description: '材料齐全、符合法定形式的，当场受理。', days: 0 },
      { name: '审查', description: '审查申请材料，必要时进行现场核查。', days: 4 },
      { name: '决定', description: '作出准予或不予许可的书面决定。', days: 1 },
      { name: '送达', description: '颁发食品经营许可证，或送达不予许可决定书并说明理由。' },
    ],
    statutoryDays: 20,
    promisedDays: 5,
    fees: [],
    channels: ['window', 'online'],
    onlineUrl: 'https://zwfw.example.gov.cn/items/SJ-XK-0001',
  });
  const { row } = await createApprovalItem(ctx.db, operator, publishedAt, item);
  const decided = daysBefore(chinaDate(ctx.now), 2);
  const licence = LicenceCreate.parse({
    agencyId: market,
    party: { name: '示例市某某餐饮管理有限公司', category: '01', creditCode: completeCreditCode('9144010300000021'), legalRepresentative: '周示例' },
    documentTitle: '示例市市场监督管理局关于示例市某某餐饮管理有限公司食品经营许可的决定',
    decisionNumber: '示市监食许〔2026〕12号',
    category: '01',
    certificateName: '食品经营许可证',
    licenceNumber: 'JY24401030000012',
    content: '准予食品经营许可。主体业态：餐饮服务经营者（小型餐馆）；经营项目：热食类食品制售。',
    decisionDate: decided,
    validFrom: decided,
    validTo: daysBefore(addYears(decided, 5), 1),
    approvalItemId: row.id,
  });
  await createLicences(ctx.db, operator, ctx.now, decisionRules({ bodyLimitBytes: 0 }), [licence], (i) => `/demo/${i}`);
}
