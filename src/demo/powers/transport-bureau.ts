/*
 * The demo 权责清单 of 示例市交通运输局 (region 440100). 职权编码 follow the 16-character pattern
 * 行政区划代码 (440100) + 部门代码 (015, fictional) + 职权类型代码 + 事项顺序码 + 子项顺序码 (docs/duties.md#powers).
 * Citations name the seeded texts by their demo key; the cited articles are those seed-legal-bases.ts quotes
 * (道路运输条例 as revised 2023-07-20, 行政处罚法 2021).
 */

export interface DemoCitation {
  basis: 'administrative-penalty-law' | 'road-transport-regulation';
  articleNo: string;
  paragraph?: number;
  item?: number;
}

export interface DemoPower {
  code: string;
  name: string;
  type: '01' | '02' | '03' | '06';
  subItems?: { code: string; name: string }[];
  citations: DemoCitation[];
  responsibilities: string[];
  accountability: string[];
}

const ROAD = 'road-transport-regulation' as const;
const PENALTY_LAW = 'administrative-penalty-law' as const;

/** 追责情形 shared by the penalty items, after 行政处罚法 art. 76. */
const penaltyAccountability = [
  '没有法定的行政处罚依据的',
  '擅自改变行政处罚种类、幅度的',
  '违反法定的行政处罚程序的',
  '执法人员未取得执法证件的',
  '对符合立案标准的案件不及时立案的',
  '对应当予以制止和处罚的违法行为不予制止、处罚，致使公民、法人或者其他组织的合法权益、公共利益和社会秩序遭受损害的',
];

const licenceResponsibilities = [
  '受理责任：公示申请条件、材料目录和办理时限，对申请材料进行审查，依法作出受理或者不予受理的决定',
  '审查责任：对申请人是否具备法定条件进行审查，必要时进行实地核查',
  '决定责任：自受理申请之日起20日内作出许可或者不予许可的决定；不予许可的，书面通知申请人并说明理由',
  '送达责任：颁发道路运输经营许可证，向申请人投入运输的车辆配发车辆营运证',
  '事后监管责任：对取得许可的经营者依法开展监督检查',
];

const licenceAccountability = [
  '对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出许可决定的',
  '对不符合法定条件的申请人准予许可或者超越法定职权作出许可决定的',
  '索取、收受他人财物，或者谋取其他利益的',
];

export const UNLICENSED_OPERATION = '4401000150200100';

export const transportBureauPowers: DemoPower[] = [
  {
    code: UNLICENSED_OPERATION,
    name: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚',
    type: '02',
    subItems: [
      { code: '4401000150200101', name: '对未取得道路运输经营许可擅自从事道路普通货物运输经营的行政处罚' },
      { code: '4401000150200102', name: '对未取得道路运输经营许可擅自从事道路客运经营的行政处罚' },
      { code: '4401000150200103', name: '对未取得道路运输经营许可擅自从事道路危险货物运输经营的行政处罚' },
    ],
    citations: [
      { basis: ROAD, articleNo: '63', paragraph: 1, item: 1 },
      { basis: ROAD, articleNo: '63', paragraph: 1, item: 2 },
      { basis: ROAD, articleNo: '63', paragraph: 1, item: 3 },
      { basis: PENALTY_LAW, articleNo: '28' },
    ],
    responsibilities: [
      '立案责任：对发现或者接到举报的涉嫌未取得道路运输经营许可擅自从事道路运输经营的行为予以审查，决定是否立案',
      '调查取证责任：由两名以上执法人员出示执法证件，全面、客观、公正地调查，收集有关证据',
      '审查责任：对案件事实、证据、依据、程序和拟作出的处罚进行审查',
      '告知责任：作出行政处罚决定前，告知当事人拟作出的行政处罚内容及事实、理由、依据，以及陈述、申辩、要求听证等权利',
      '决定责任：依照裁量基准作出行政处罚决定，制作行政处罚决定书',
      '送达责任：在宣告后当场交付当事人，当事人不在场的在七日内送达',
      '执行责任：监督当事人履行行政处罚决定，依法申请强制执行',
    ],
    accountability: penaltyAccountability,
  },
  {
    code: '4401000150100100',
    name: '道路旅客运输经营许可',
    type: '01',
    subItems: [
      { code: '4401000150100101', name: '市际、县际（除毗邻县行政区域间外）道路旅客运输经营许可' },
      { code: '4401000150100102', name: '省际道路旅客运输经营许可' },
    ],
    citations: [{ basis: ROAD, articleNo: '10', paragraph: 1, item: 2 }],
    responsibilities: licenceResponsibilities,
    accountability: licenceAccountability,
  },
  {
    code: '4401000150100200',
    name: '道路危险货物运输经营许可',
    type: '01',
    citations: [{ basis: ROAD, articleNo: '24', paragraph: 1, item: 2 }],
    responsibilities: licenceResponsibilities,
    accountability: licenceAccountability,
  },
  {
    code: '4401000150600100',
    name: '对道路运输经营者及其运输车辆的监督检查',
    type: '06',
    citations: [
      { basis: ROAD, articleNo: '59' },
      { basis: ROAD, articleNo: '33' },
      { basis: PENALTY_LAW, articleNo: '55' },
    ],
    responsibilities: [
      '检查责任：由2名以上执法人员实施，出示执法证件，按照随机抽查事项清单开展检查',
      '处置责任：对检查中发现的违法行为依法责令改正或者立案查处',
      '信息公开责任：依法公示检查结果，将违法行为记入信用记录',
    ],
    accountability: ['乱设卡、乱收费、乱罚款的', '违反规定拦截、检查正常行驶的道路运输车辆的', '发现违法行为不及时查处的'],
  },
  {
    code: '4401000150300100',
    name: '暂扣没有车辆营运证又无法当场提供其他有效证明的车辆',
    type: '03',
    citations: [{ basis: ROAD, articleNo: '62' }],
    responsibilities: [
      '决定责任：当场告知当事人采取暂扣措施的理由、依据以及依法享有的权利、救济途径，制作现场笔录',
      '保管责任：妥善保管被暂扣车辆，不得使用，不得收取或者变相收取保管费用',
      '解除责任：对违法行为处理完毕或者不再需要暂扣的，及时解除暂扣',
    ],
    accountability: ['违法扣留运输车辆、车辆营运证的', '使用或者损毁暂扣的车辆，造成损失的'],
  },
];

/** 裁量基准 for sub-item 01 (道路普通货物运输), within 道路运输条例 art. 63 (一) as revised in 2023. */
export const unlicensedFreightBenchmark = {
  violation: '未取得道路运输经营许可，擅自从事道路普通货物运输经营',
  citations: [
    { basis: ROAD, articleNo: '63', paragraph: 1, item: 1 },
    { basis: PENALTY_LAW, articleNo: '34' },
  ] as DemoCitation[],
  tiers: [
    { tier: '轻微', circumstances: '首次被查处，没有违法所得，经营时间较短并及时停止经营', penalty: '责令停止经营，处3000元以上5000元以下的罚款', fineMin: '3000.00', fineMax: '5000.00' },
    { tier: '一般', circumstances: '没有违法所得或者违法所得不足1万元', penalty: '责令停止经营，处5000元以上1万元以下的罚款', fineMin: '5000.00', fineMax: '10000.00' },
    {
      tier: '严重',
      circumstances: '没有违法所得或者违法所得不足1万元，但被责令停止经营后继续经营，或者造成较大社会影响',
      penalty: '责令停止经营，处1万元以上5万元以下的罚款',
      fineMin: '10000.00',
      fineMax: '50000.00',
    },
    {
      tier: '违法所得超过1万元',
      circumstances: '违法所得超过1万元',
      penalty: '责令停止经营，没收违法所得，处违法所得1倍以上5倍以下的罚款',
      note: '罚款以违法所得为基数计算，无固定金额幅度',
    },
  ],
};
