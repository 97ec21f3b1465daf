import type { DiffEdition, DiffMeasure } from '../../src/domain/negative-list/diff/types.js';

/*
 * Two small editions shaped like 2022 → 2025 (发改体改规〔2022〕397号 → 发改体改规〔2025〕466号), with the kinds of
 * change the 2025 revision made: 公章刻制业 taken out of the list, a local measure cancelled, 药品批发零售企业筹建
 * cancelled, 电子烟 and 无人驾驶航空器运营 added, a measure reworded. Texts other than 100004's are written for the
 * test, not quoted from the list.
 */
const m = (text: string, fields: Partial<DiffMeasure> = {}): DiffMeasure => ({ text, starred: false, local: null, authorities: ['市场监管总局'], ...fields });

const FINANCE_2022 = '非金融机构、不从事金融活动的企业，在注册名称和经营范围中不得使用“金融”“理财”“财富管理”等与金融相关的字样，法律、行政法规和国家另有规定的除外';
const FINANCE_2025 =
  '非金融机构、不从事金融活动的企业，在注册名称和经营范围中不得使用“金融”“理财”“财富管理”“基金管理公司（注：指从事公募基金管理业务的基金管理公司）”等与金融相关的字样，法律、行政法规和国家另有规定的除外';
const FINANCE_STAR = '非金融机构、不从事金融活动的企业，在注册名称和经营范围中原则上不得使用“融资租赁”“商业保理”“小额贷款”“资产管理”等字样';
export const SECURITY_2022 = '未获得许可，不得从事计算机信息系统安全专用产品的销售业务';
export const SECURITY_2025 = '未经安全检测认证，不得从事计算机信息系统安全专用产品的销售业务';

export const edition2022: DiffEdition = {
  code: '2022',
  title: '市场准入负面清单（2022年版）',
  items: [
    { code: '100004', category: 'prohibited', itemNo: 4, name: '禁止违规开展金融相关经营活动', measures: [m(FINANCE_2022, { authorities: ['人民银行'] }), m(FINANCE_STAR, { starred: true, authorities: ['人民银行'] })] },
    { code: '100006', category: 'prohibited', itemNo: 6, name: '禁止违规开展新闻传媒相关业务', measures: [m('非公有资本不得从事新闻采编播发业务'), m('非公有资本不得投资设立和经营新闻机构')] },
    { code: '201001', category: 'permitted', itemNo: 1, name: '未获得许可，不得从事公章刻制业务', measures: [m('未获得许可，不得从事公章刻制业务', { authorities: ['公安部'] })] },
    { code: '201002', category: 'permitted', itemNo: 2, name: '未获得许可，不得销售计算机信息系统安全专用产品', measures: [m(SECURITY_2022, { authorities: ['公安部'] })] },
    {
      code: '201003',
      category: 'permitted',
      itemNo: 3,
      name: '未获得许可，不得从事船舶设计修造',
      measures: [m('未获得许可，不得从事船舶修造', { authorities: ['交通运输部'] }), m('未获得许可，不得从事内河船舶设计', { local: { regionCode: '440000', regionName: '广东省' } })],
    },
    { code: '201004', category: 'permitted', itemNo: 4, name: '未获得许可，不得从事药品生产经营', measures: [m('未获得许可，不得从事药品批发、零售'), m('未获得许可，不得筹建药品批发零售企业')] },
    { code: '201005', category: 'permitted', itemNo: 5, name: '未获得许可，不得从事某类示例经营', measures: [m('未获得许可，不得从事某类示例经营')] },
  ],
};

export const edition2025: DiffEdition = {
  code: '2025',
  title: '市场准入负面清单（2025年版）',
  items: [
    { ...edition2022.items[0]!, measures: [m(FINANCE_2025, { authorities: ['人民银行'] }), m(FINANCE_STAR, { starred: true, authorities: ['人民银行'] })] },
    edition2022.items[1]!,
    { ...edition2022.items[3]!, measures: [m(SECURITY_2025, { authorities: ['公安部'] })] },
    { ...edition2022.items[4]!, measures: [edition2022.items[4]!.measures[0]!] },
    { ...edition2022.items[5]!, measures: [edition2022.items[5]!.measures[0]!] },
    { ...edition2022.items[6]!, category: 'prohibited', itemNo: 7 },
    { code: '201006', category: 'permitted', itemNo: 6, name: '未获得许可，不得从事电子烟相关生产经营', measures: [m('未获得许可，不得从事电子烟生产、批发、零售业务', { authorities: ['国家烟草专卖局'] })] },
    { code: '201007', category: 'permitted', itemNo: 7, name: '未获得许可，不得从事无人驾驶航空器运营', measures: [m('未获得许可，不得从事民用无人驾驶航空器经营性飞行活动', { authorities: ['中国民航局'] })] },
  ],
};
