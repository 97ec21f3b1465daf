/**
 * One complete request body per write operation, keyed by operationId, published as the `example` of the
 * operation's request body. Each is a body the server accepts: test/spec-examples.test.ts parses every one with
 * the route's own body schema and posts it (or patches with it) on records it creates first, replacing the ids
 * below with theirs. A route with a body and no example here fails that test.
 *
 * The people, companies, agencies and numbers are fictional (示例市, 某某); the laws cited are real. The negative-list
 * examples are the demo's excerpt of the 2025 edition (src/demo/negative-list-editions.ts), marked there where unofficial.
 */
import { NEGATIVE_LIST_EDITIONS } from '../demo/negative-list-editions.js';
import { enforcementActionExample, licenceExample, penaltyExample } from './decision-examples.js';

/** The records the examples refer to: placeholders a client replaces with real ids. */
export const EXAMPLE_IDS = {
  /** The agency that acts (a key's own agency; the operator must name it). */
  agency: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b',
  /** A second agency: one joining a joint operation or a campaign. */
  otherAgency: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a6c',
  /** The legal basis of createLegalBasis (《中华人民共和国食品安全法》). */
  legalBasis: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a7d',
  /** The campaign of createCampaign. */
  campaign: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a8e',
  /** An enforcement officer not yet an inspector. */
  officer: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a9f',
  /** An item of the agency's 随机抽查事项清单. */
  inspectionItem: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4b01',
  /** Entries of the agency's 检查对象名录库 and 执法检查人员名录库. */
  inspectionEntity: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4b12',
  inspector: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4b23',
  secondInspector: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4b34',
  /** A draft edition of the market-access negative list (the 2025 edition below). */
  negativeListEdition: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4b45',
} as const;

const id = EXAMPLE_IDS;

/** The 2025 edition of the demo data, and its 电子烟 item (new in 2025). */
const [, negativeList2025] = NEGATIVE_LIST_EDITIONS;
export const NEGATIVE_LIST_ITEM_EXAMPLE = '290003';

/** 《中华人民共和国食品安全法》 as amended on 2021-04-29, two of its articles (shortened where marked ……). */
const foodSafetyLaw = {
  title: '中华人民共和国食品安全法',
  level: '法律',
  issuer: '全国人民代表大会常务委员会',
  promulgatedOn: '2021-04-29',
  effectiveOn: '2021-04-29',
  topics: ['食品安全'],
  sourceUrl: 'https://flk.npc.gov.cn/',
  articles: [
    {
      no: '35',
      label: '第三十五条',
      chapter: '第四章 食品生产经营 第一节 一般规定',
      text: '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，不需要取得许可。……',
    },
    {
      no: '124',
      label: '第一百二十四条',
      chapter: '第九章 法律责任',
      text: '违反本法规定，有下列情形之一，尚不构成犯罪的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂……',
    },
  ],
};

const citation = (articleNo: string) => ({ legalBasisId: id.legalBasis, articleNo });

const correction = (changes: Record<string, unknown>) => ({ reason: '原公示的决定书文号有笔误，依决定书原件更正。', changes });
const withdrawal = { reasonCategory: 'revoked', explanation: '原行政处罚决定已被本机关依法撤销。', eventDate: '2026-11-25' };

const penaltyBase = { ...penaltyExample, agencyId: id.agency, citations: [citation('124')] };
const licence = { ...licenceExample, agencyId: id.agency, citations: [citation('35')] };
const action = { ...enforcementActionExample, agencyId: id.agency, tags: ['联合执法'], joint: { reference: '示例市联合执法〔2026〕3号', agencyIds: [id.agency, id.otherAgency] } };

export const REQUEST_EXAMPLES: Record<string, Record<string, unknown>> = {
  createAgency: {
    name: '示例市示例区市场监督管理局',
    creditCode: '11440103MB2C92173J',
    regionCode: '440103',
    level: '县级',
    kind: '法定',
    domains: ['市场监管'],
    contact: { phone: '020-12345678', address: '示例市示例区示例路1号', hours: '工作日 9:00-12:00, 14:00-17:30' },
    website: 'https://scjgj.example.gov.cn/',
  },
  updateAgency: { contact: { phone: '020-12345679', address: '示例市示例区示例路2号' } },
  createProcedure: {
    powerType: '06',
    serviceGuide: '实施机构：示例市市场监督管理局执法稽查科。依据：《中华人民共和国食品安全法》第一百一十条。',
    steps: [
      { name: '制定检查方案', description: '按年度抽查计划确定检查事项和检查对象。' },
      { name: '现场检查', description: '执法人员不少于两人，出示执法证件，制作现场检查笔录。' },
      { name: '告知检查结果', timeLimit: { value: 20, unit: '工作日' } },
      { name: '后续处置', description: '发现违法行为的，依法立案查处。' },
    ],
    reconsideration: { body: '示例市人民政府', deadlineDays: 60 },
    litigation: { court: '示例市示例区人民法院', deadlineMonths: 6 },
    complaint: { channel: '示例市市场监督管理局法制科', phone: '12315' },
  },
  updateProcedure: { complaint: { channel: '示例市市场监督管理局投诉举报中心', phone: '12315' } },
  createLegalBasis: foodSafetyLaw,
  updateLegalBasis: { topics: ['食品安全', '食品经营许可'] },
  createPower: {
    agencyId: id.agency,
    code: '4401000010200124',
    name: '对经营超过保质期的食品的行政处罚',
    type: '02',
    citations: [citation('124')],
    responsibilities: ['立案', '调查取证', '审理', '告知', '决定', '送达', '执行'],
    accountability: ['对符合立案标准的案件不及时立案的', '未按规定公示行政处罚决定的'],
    reviewTransfer: false,
  },
  updatePower: { accountability: ['对符合立案标准的案件不及时立案的', '未按规定公示行政处罚决定的', '违法实施检查措施的'] },
  createDiscretionBenchmark: {
    violation: '经营超过保质期的食品',
    citations: [citation('124')],
    tiers: [
      { tier: '一般', circumstances: '货值金额不足一万元，首次被查处', penalty: '没收违法所得和违法经营的食品，并处五万元以上七万元以下罚款', fineMin: '50000.00', fineMax: '70000.00' },
      { tier: '较重', circumstances: '货值金额不足一万元，一年内再次被查处', penalty: '没收违法所得和违法经营的食品，并处七万元以上十万元以下罚款', fineMin: '70000.00', fineMax: '100000.00' },
    ],
  },
  updateDiscretionBenchmark: { violation: '经营超过保质期的食品、食品添加剂' },
  createOfficer: { agencyId: id.agency, name: '王示例', certificateNo: '示例-44010300012', domains: ['食品安全', '市场监管'], area: '示例市示例区', validFrom: '2024-01-01', validTo: '2028-12-31' },
  updateOfficer: { area: '示例市全域' },
  createPenalty: { ...penaltyBase, tags: ['专项整治'], campaignId: id.campaign },
  createPenaltyBatch: { items: [{ ...penaltyBase, decisionNumber: '示市监处罚〔2026〕13号' }] },
  correctPenalty: correction({ decisionNumber: '示市监处罚〔2026〕12-1号' }),
  withdrawPenalty: withdrawal,
  repairPenalty: {
    conditions: { regime: 'credit', obligationsPerformed: true, creditCommitment: true, otherConditionsMet: true },
    explanation: '当事人已履行行政处罚决定规定的义务，作出信用承诺，申请提前停止公示。',
  },
  createLicence: licence,
  createLicenceBatch: { items: [{ ...licence, decisionNumber: '示市监许〔2026〕89号', licenceNumber: 'JY14401030000089' }] },
  correctLicence: correction({ licenceNumber: 'JY14401030000808' }),
  withdrawLicence: { ...withdrawal, explanation: '被许可人申请注销，原许可决定依法撤回。', reasonCategory: 'changed' },
  createCampaign: {
    name: '2026年示例市校园周边食品安全专项整治',
    description: '对中小学校、幼儿园周边食品经营者开展专项检查。',
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    leadAgencyId: id.agency,
    participatingAgencyIds: [id.otherAgency],
  },
  updateCampaign: { description: '对中小学校、幼儿园周边食品经营者和校外供餐单位开展专项检查。' },
  createEnforcementAction: action,
  createEnforcementActionBatch: { items: [{ ...enforcementActionExample, agencyId: id.agency, documentNumber: '示市监检〔2026〕9号' }] },
  correctEnforcementAction: correction({ documentNumber: '示市监检〔2026〕8-1号' }),
  withdrawEnforcementAction: { ...withdrawal, explanation: '原检查结论已被上级机关依法撤销。' },
  createInspectionItem: {
    agencyId: id.agency,
    code: 'SC-2026-003',
    name: '食品销售者经营条件和进货查验检查',
    subItems: [
      { code: 'SC-2026-003-01', name: '食品经营许可证件检查' },
      { code: 'SC-2026-003-02', name: '进货查验记录检查' },
    ],
    citations: [citation('35')],
    objectType: 'entity',
    content: '食品经营许可证件、从业人员健康证明、进货查验记录、食品贮存条件',
    methods: ['02', '05'],
    category: 'key',
    ratioBasisPoints: 300,
    frequency: '每年1次',
  },
  updateInspectionItem: { frequency: '每半年1次' },
  createInspectionEntity: {
    agencyId: id.agency,
    name: '示例市某某食品有限公司',
    creditCode: '91440103MA5CQ7T29E',
    objectType: 'entity',
    entityKind: '有限责任公司',
    regionCode: '440103',
    industryCode: 'F5211',
    address: '示例市示例区示例路8号',
    riskClass: 'B',
    tags: ['食品经营'],
  },
  updateInspectionEntity: { riskClass: 'C' },
  createInspector: { officerId: id.officer, domains: ['食品安全'], available: true },
  updateInspector: { available: false, unavailableUntil: '2026-12-31' },
  createInspectionConflict: { inspectorId: id.inspector, entityId: id.inspectionEntity, declaredBy: 'inspector', reason: '近亲属在该企业任职' },
  updateInspectionConflict: { reason: '近亲属在该企业担任管理人员' },
  createInspectionRules: {
    agencyId: id.agency,
    title: '示例市市场监督管理局随机抽查工作细则',
    docNumber: '示市监〔2026〕1号',
    effectiveOn: '2026-01-01',
    text: '第一条 为规范随机抽查工作，制定本细则。\n第二条 抽查对象和执法检查人员均通过摇号方式随机抽取。',
  },
  updateInspectionRules: { docNumber: '示市监〔2026〕2号' },
  createInspectionPlan: { agencyId: id.agency, year: 2026, title: '示例市市场监督管理局2026年度双随机抽查工作计划', itemIds: [id.inspectionItem], description: '全年按季度组织实施。' },
  updateInspectionPlan: { description: '全年按季度组织实施，第四季度开展联合抽查。' },
  createInspectionTask: {
    agencyId: id.agency,
    year: 2026,
    name: '2026年第四季度食品经营者经营条件双随机抽查',
    itemIds: [id.inspectionItem],
    selection: { objectTypes: ['entity'], regionCodes: ['440103'] },
    sample: { mode: 'count', count: 2 },
    inspectorsPerEntity: 2,
    window: { from: '2026-12-01', to: '2026-12-31' },
  },
  updateInspectionTask: { window: { from: '2026-12-01', to: '2026-12-25' } },
  commitInspectionDraw: { commitment: '5b6f0a1f9c0e4f7b8f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f', contributionMinutes: 60 },
  contributeToInspectionDraw: { value: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0' },
  contributePubliclyToInspectionDraw: { value: '9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9' },
  revealInspectionDraw: { secret: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' },
  voidInspectionDraw: { reason: '抽查对象名录库数据有误，经集体研究决定作废本次抽取。' },
  recordInspectionResults: {
    agencyId: id.agency,
    items: [{ entityId: id.inspectionEntity, resultCode: '1', findings: '经营许可证在有效期内，进货查验记录完整。', inspectedOn: '2026-11-27', inspectorIds: [id.inspector, id.secondInspector] }],
  },
  updateInspectionResult: { findings: '经营许可证在有效期内，进货查验记录完整，从业人员健康证明齐全。' },
  createNegativeListEdition: negativeList2025!.edition,
  updateNegativeListEdition: { note: '全国统一的市场准入负面清单。' },
  publishNegativeListEdition: { supersedes: '2022' },
  createNegativeListItem: { ...negativeList2025!.items.find((item) => item.code === NEGATIVE_LIST_ITEM_EXAMPLE)!, editionId: id.negativeListEdition },
  updateNegativeListItem: { industryCodes: ['C1690', 'F5128'] },
  createApprovalItem: {
    agencyId: id.agency,
    code: 'XK-SC-0012',
    name: '食品经营许可',
    category: '01',
    citations: [citation('35')],
    basisText: '《中华人民共和国食品安全法》第三十五条',
    conditions: '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所。',
    materials: [
      { name: '食品经营许可申请书', form: { title: '食品经营许可申请书', url: 'https://scjgj.example.gov.cn/forms/spjy-sqs.docx' }, copies: 1, required: true },
      { name: '食品安全管理制度文本', required: true },
      { name: '主要设备设施布局、操作流程等文件', required: true, note: '仅销售预包装食品的，无需提交。' },
    ],
    steps: [
      { name: '申请与受理', days: 1 },
      { name: '审查', description: '书面审查；需要核查的，进行现场核查。', days: 3 },
      { name: '决定与发证', days: 1 },
    ],
    statutoryDays: 10,
    promisedDays: 5,
    fees: [],
    channels: ['window', 'online'],
    onlineUrl: 'https://zwfw.example.gov.cn/item/spjy',
  },
  updateApprovalItem: { promisedDays: 4 },
  expirePublicity: { limit: 1000 },
  createKey: { agencyId: id.agency, name: '执法支队发布系统', scopes: ['publish'] },
  createWebhook: { url: 'https://aggregator.example.gov.cn/gongshi/events', types: ['penalty', 'licence'], after: '0' },
  updateWebhook: { after: '0', active: false },
  dispatchWebhooks: { limit: 100 },
};
