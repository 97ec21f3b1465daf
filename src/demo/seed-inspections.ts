import { and, asc, eq } from 'drizzle-orm';
import { officers } from '../db/schema.js';
import { createInspectionConflict } from '../domain/inspections/conflicts.js';
import { createInspectionEntity } from '../domain/inspections/entities.js';
import { createInspector } from '../domain/inspections/inspectors.js';
import { createInspectionItem } from '../domain/inspections/items.js';
import { createInspectionPlan } from '../domain/inspections/plans.js';
import { createInspectionRules } from '../domain/inspections/rules.js';
import { completeCreditCode } from '../lib/credit-code.js';
import { chinaDate } from '../lib/validity.js';
import { InspectionConflictCreate } from '../schemas/inspections/conflicts.js';
import { InspectionEntityCreate } from '../schemas/inspections/entities.js';
import { InspectorCreate } from '../schemas/inspections/inspectors.js';
import { InspectionItemCreate } from '../schemas/inspections/items.js';
import { InspectionPlanCreate } from '../schemas/inspections/plans.js';
import { InspectionRulesCreate } from '../schemas/inspections/rules.js';
import type { DemoContext } from './context.js';
import { DAY, seedInspectionDraw } from './seed-inspection-draw.js';

/*
 * 双随机、一公开 for the demo market-regulation bureau: its item list (一单: a general item, a key item and a joint
 * item with the transport bureau), 细则, annual plan, a directory of 200 fictional entities and its officers
 * enrolled as inspectors (两库), two conflicts of interest; then a task drawn and inspected (seed-inspection-draw.ts).
 * Names are 示例市 + a made-up 字号; credit codes are made up (organisation bodies YL000000…YL000199) with valid
 * check characters. Everything is derived from the index, so every run seeds the same directory.
 */

/** How long before `now` the directory is published: the draw and its results follow within this span. */
export const INSPECTION_HISTORY_DAYS = 80;
const ENTITIES = 200;

/** Fictional districts of 示例市 (real division codes of its demo region), 字号 and trades: the bench's directory uses them too. */
export const DISTRICTS = [
  ['440103', '示例区'],
  ['440104', '样例区'],
  ['440105', '演示区'],
  ['440106', '测试区'],
] as const;
export const WORDS = ['鸿运', '兴旺', '福满', '利民', '安康', '顺发', '金穗', '佳美', '惠众', '百味', '永盛', '祥和', '嘉禾', '新港', '东湖', '南岭', '盈丰', '和记', '四季', '晨光', '田园', '好邻', '悦来', '同心', '万家'];
/** GB/T 4754-2017 小类 and the trade a name carries. */
export const TRADES = [
  ['F5211', '百货商店'],
  ['F5212', '超市'],
  ['F5213', '便利店'],
  ['F5221', '粮油经营部'],
  ['F5222', '糕点店'],
  ['F5223', '果蔬店'],
  ['F5224', '肉食店'],
  ['F5226', '茶行'],
  ['H6210', '餐厅'],
  ['H6220', '快餐店'],
  ['H6239', '饮品店'],
  ['C1411', '食品厂'],
  ['F5251', '药店'],
] as const;

/** Entity i: its district, 字号 and trade together are unique for i < 200; one in three is a company. */
function entity(i: number, agencyId: string) {
  const [regionCode, district] = DISTRICTS[Math.floor(i / 25) % DISTRICTS.length]!;
  const [industryCode, trade] = TRADES[(i * 7) % TRADES.length]!;
  const company = i % 3 === 0;
  // A 60 %, B 30 %, C 8 %, D 2 %: positions of a 50-cycle, scattered by a step coprime with 50.
  const r = (i * 37) % 50;
  return InspectionEntityCreate.parse({
    agencyId,
    name: `示例市${district}${WORDS[i % WORDS.length]}${trade}${company ? '有限公司' : ''}`,
    creditCode: completeCreditCode(`${company ? '91' : '92'}${regionCode}YL${String(i).padStart(6, '0')}`),
    objectType: 'entity',
    entityKind: company ? '有限责任公司' : '个体工商户',
    regionCode,
    industryCode,
    address: `示例市${district}示例路${i + 1}号`,
    riskClass: r < 30 ? 'A' : r < 45 ? 'B' : r < 49 ? 'C' : 'D',
    tags: industryCode.startsWith('H') ? ['食品经营', '餐饮服务'] : industryCode === 'F5251' ? ['药品经营'] : ['食品经营'],
  });
}

export async function seedInspections(ctx: DemoContext): Promise<void> {
  const market = ctx.agencies.get('market');
  const city = ctx.agencies.get('city');
  if (!market || !city) return;
  const at = new Date(ctx.now.getTime() - INSPECTION_HISTORY_DAYS * DAY);
  const year = Number(chinaDate(at).slice(0, 4));
  const admin = { kind: 'admin' } as const;
  const road = ctx.legalBases.get('road-transport-regulation');

  const item = async (fields: Record<string, unknown>) => (await createInspectionItem(ctx.db, admin, at, InspectionItemCreate.parse({ agencyId: market, objectType: 'entity', ...fields }))).row.id;
  const general = await item({
    code: 'SJ-SC-001',
    name: '食品经营者经营条件检查',
    subItems: [
      { code: 'SJ-SC-001-01', name: '食品经营许可或备案情况' },
      { code: 'SJ-SC-001-02', name: '从业人员健康管理' },
      { code: 'SJ-SC-001-03', name: '进货查验记录' },
    ],
    basisText: '《中华人民共和国食品安全法》第一百一十条',
    content: '经营许可或备案、从业人员健康证明、进货查验和记录制度执行情况',
    methods: ['01', '02'],
    category: 'general',
    ratioBasisPoints: 300,
    frequency: '每年不少于1次',
  });
  const key = await item({
    code: 'SJ-SC-002',
    name: '餐饮服务食品安全检查',
    basisText: '《中华人民共和国食品安全法》第一百一十条',
    content: '原料贮存、加工制作过程控制、餐饮具清洗消毒',
    methods: ['02', '05'],
    category: 'key',
    frequency: '每年不少于2次',
  });
  const joint = await item({
    code: 'SJ-LH-001',
    name: '机动车维修经营者联合检查',
    // 道路运输条例 art. 2: 机动车维修经营 is a 道路运输相关业务; art. 7: the transport authority's duty.
    citations: road ? [{ legalBasisId: road, articleNo: '2' }, { legalBasisId: road, articleNo: '7' }] : [],
    content: '维修经营备案、维修价格公示、配件来源及质量',
    methods: ['01', '02'],
    category: 'general',
    ratioBasisPoints: 500,
    frequency: '每年1次',
    cooperatingAgencyIds: [city],
  });
  await createInspectionRules(
    ctx.db,
    admin,
    at,
    InspectionRulesCreate.parse({
      agencyId: market,
      title: '示例市市场监督管理局随机抽查工作细则(示例)',
      docNumber: `示市监规〔${year}〕1号`,
      effectiveOn: `${year}-01-01`,
      text: [
        '第一条 为规范本局“双随机、一公开”监管工作，根据《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》，制定本细则。',
        '第二条 抽查对象从检查对象名录库中随机抽取，执法检查人员从执法检查人员名录库中随机选派，每户不少于2名。',
        '第三条 按企业信用风险分类确定抽查比例和频次：信用风险高(D类)、较高(C类)、一般(B类)、低(A类)的企业依次为30%、10%、2%、1%。',
        '第四条 抽取前公布承诺值，抽取后公布密值、随机数贡献和抽取结果，任何人可据此复核。',
        '第五条 检查人员与检查对象有利害关系的，应当回避。',
        '第六条 抽查检查结果自检查结束之日起20个工作日内向社会公示。',
      ].join('\n'),
    }),
  );
  const planId = (
    await createInspectionPlan(
      ctx.db,
      admin,
      at,
      InspectionPlanCreate.parse({ agencyId: market, year, title: `示例市市场监督管理局${year}年度双随机抽查工作计划`, itemIds: [general, key, joint], description: '按信用风险分类实施差异化抽查。' }),
    )
  ).row.id;

  const entities: { id: string; riskClass: string | null }[] = [];
  for (let i = 0; i < ENTITIES; i++) entities.push((await createInspectionEntity(ctx.db, admin, at, entity(i, market))).row);
  const enrolled = await ctx.db
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.agencyId, market), eq(officers.status, 'active')))
    .orderBy(asc(officers.certificateNo));
  const inspectors: string[] = [];
  for (const [i, officer] of enrolled.entries()) {
    // The last one is on training leave: enrolled, but outside the pool of a draw.
    const away = i === enrolled.length - 1 ? { available: false, unavailableUntil: chinaDate(new Date(at.getTime() + 60 * DAY)) } : { available: true };
    inspectors.push((await createInspector(ctx.db, admin, at, InspectorCreate.parse({ officerId: officer.id, domains: ['市场监管', '食品安全'], ...away }))).row.id);
  }
  const firstOf = (riskClass: string) => entities.find((e) => e.riskClass === riskClass)!.id;
  const conflicts = [
    { inspectorId: inspectors[0], entityId: firstOf('D'), declaredBy: 'inspector', reason: '近亲属在该企业任职' },
    { inspectorId: inspectors[1], entityId: firstOf('C'), declaredBy: 'entity', reason: '曾在该企业任职，离职未满三年' },
  ];
  for (const c of conflicts) await createInspectionConflict(ctx.db, admin, at, InspectionConflictCreate.parse(c));

  await seedInspectionDraw(ctx, { agencyId: market, partnerId: city, itemIds: [general, key], planId, year, publishedAt: at });
}
