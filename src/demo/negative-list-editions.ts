/*
 * Two real editions of the 市场准入负面清单 with a handful of their items: the 2022 edition (发改体改规〔2022〕397号),
 * superseded by the 2025 edition (发改体改规〔2025〕466号). Only what the published texts are known to say is given
 * as official: the 事项 禁止违规开展金融相关经营活动 (100004) and its first measure as the 2022 table prints it. Every
 * other text is marked in `note` as 示例文本（非官方原文）, and every unconfirmed code or number says so, so the demo
 * never presents its own wording as the list's. The 许可准入类 examples follow the 2025 revision as officially
 * reported: 公章刻制业 moved from licence to filing (备案), 电子烟 and 无人驾驶航空器运营 added, local measures (among
 * them 酒类生产经营) cancelled.
 */

const EXAMPLE = '示例文本（非官方原文）';
const EXAMPLE_ITEM = `事项名称、措施描述、项目号、事项编码和主管部门均为${EXAMPLE}，仅示意清单结构。`;

/** 100004's first measure in the 2022 table, verbatim. */
const FINANCE_MEASURE =
  '非金融机构、不从事金融活动的企业，在注册名称和经营范围中不得使用“保险（保险公司、保险资产管理公司、保险集团公司、自保公司、相互保险组织）”“证券公司”“基金管理公司（注：指从事公募基金管理业务的基金管理公司）”“信托公司”“金融控股”“金融集团”“财务公司”“理财”“财富管理”“股权众筹”“金融”“金融租赁”“汽车金融”“货币经纪”“消费金融”“融资担保”“典当”“征信”“交易中心”“交易所”等与金融相关的字样，法律、行政法规和国家另有规定的除外';

const finance = (edition: '2022' | '2025') => ({
  category: 'prohibited' as const,
  itemNo: 4,
  code: '100004',
  name: '禁止违规开展金融相关经营活动',
  measures: [
    { text: FINANCE_MEASURE },
    {
      text: '非金融机构、不从事金融活动的企业，在注册名称和经营范围中原则上不得使用“融资租赁”“商业保理”“小额贷款”“资产管理”“网贷”“P2P”“互联网保险”“支付”“外汇”“基金管理”等字样',
      starred: true,
    },
  ],
  note:
    (edition === '2022' ? '第1项措施为2022年版清单原文。' : '第1项措施为2022年版清单原文，2025年版是否逐字沿用未经核实。') +
    `第2项（★）措施为${EXAMPLE}：仅其所列字样取自清单，句式为示意。主管部门未列出。`,
});

const newsMedia = {
  category: 'prohibited' as const,
  itemNo: 6,
  code: '100006',
  name: '禁止违规开展新闻传媒相关业务',
  measures: [
    '非公有资本不得从事新闻采编播发业务',
    '非公有资本不得投资设立和经营新闻机构，包括但不限于通讯社、报刊出版单位、广播电视播出机构、广播电视站以及互联网新闻信息采编发布服务机构等',
    '非公有资本不得经营新闻机构的版面、频率、频道、栏目、公众账号等',
    '非公有资本不得从事涉及政治、经济、军事、外交，重大社会、文化、科技、卫生、教育、体育以及其他关系政治方向、舆论导向和价值取向等活动、事件的实况直播业务',
    '非公有资本不得引进境外主体发布的新闻',
    '非公有资本不得举办新闻舆论领域论坛峰会和评奖评选活动',
  ].map((text) => ({ text })),
  note: '事项编码100006和项目号未经官方文本核实（示例编码）。措施文本取自2021年市场准入负面清单征求意见稿，本版是否逐字保留未经核实。',
};

const seal = {
  category: 'permitted' as const,
  code: '290001',
  name: '未获得许可，不得从事公章刻制经营',
  measures: [{ text: '未获得公安机关许可，不得从事公章刻制业经营', authorities: ['公安部'] }],
  note: `${EXAMPLE_ITEM}2025年版清单将公章刻制业由许可改为备案，故本事项只列入2022年版。`,
};

const liquor = (edition: '2022' | '2025') => ({
  category: 'permitted' as const,
  code: '290002',
  name: '未获得许可，不得从事酒类生产经营',
  measures: [
    { text: '未获得食品生产许可，不得从事酒类生产', authorities: ['市场监管总局'] },
    // The province is the demo's fictional 示例省 (its agencies use 440000): no real local measure is claimed.
    ...(edition === '2022' ? [{ text: '未获得许可，不得在示例省从事酒类批发零售经营', authorities: ['示例省商务厅'], local: { regionCode: '440000', regionName: '示例省' } }] : []),
  ],
  note: `${EXAMPLE_ITEM}地方性许可措施及其地区（示例省）亦为示例；2025年版取消了部分地方性许可措施（含酒类生产经营），故该地方性措施只列入2022年版。`,
});

const ecigarettes = {
  category: 'permitted' as const,
  code: '290003',
  name: '未获得许可，不得从事电子烟生产经营',
  measures: [{ text: '未获得烟草专卖许可，不得从事电子烟及其烟碱的生产、批发、零售经营', authorities: ['国家烟草专卖局'] }],
  note: `${EXAMPLE_ITEM}电子烟相关事项为2025年版新增。`,
};

const drones = {
  category: 'permitted' as const,
  code: '290004',
  name: '未获得许可，不得从事无人驾驶航空器运营',
  measures: [{ text: '未获得运营合格证，不得从事民用无人驾驶航空器经营性飞行活动', authorities: ['中国民航局'] }],
  note: `${EXAMPLE_ITEM}无人驾驶航空器运营相关事项为2025年版新增。`,
};

/** The 2022 edition and its 2025 successor, each with its excerpt of items, in publication order. */
export const NEGATIVE_LIST_EDITIONS = [
  {
    edition: {
      code: '2022',
      title: '市场准入负面清单（2022年版）',
      documentNo: '发改体改规〔2022〕397号',
      issuingBodies: ['国家发展改革委', '商务部'],
      releasedOn: '2022-03-12',
      effectiveFrom: '2022-03-12',
      note: '2022年3月印发；印发日期和施行日期中的“日”为近似值，以印发通知为准。事项为节选，清单共117项（禁止准入类6项、许可准入类111项）。',
    },
    // 项目号 of the 许可准入类 examples: numbered within the excerpt, not the official numbers.
    items: [finance('2022'), newsMedia, { ...seal, itemNo: 1 }, { ...liquor('2022'), itemNo: 2 }],
  },
  {
    edition: {
      code: '2025',
      title: '市场准入负面清单（2025年版）',
      documentNo: '发改体改规〔2025〕466号',
      issuingBodies: ['国家发展改革委', '商务部', '市场监管总局'],
      releasedOn: '2025-04-24',
      effectiveFrom: '2025-04-24',
      note: '施行日期取印发日期。事项为节选，清单共106项（禁止准入类6项、许可准入类100项）。',
    },
    items: [finance('2025'), newsMedia, { ...liquor('2025'), itemNo: 1 }, { ...ecigarettes, itemNo: 2 }, { ...drones, itemNo: 3 }],
  },
];
