/*
 * Word lists for the negative-list bench data set (bench/dataset-negative-list.ts): what is licensed, by whom,
 * under which GB/T 4754-2017 industry codes, and the phrasing of 禁止 and 许可 measures. The phrasing follows
 * the official table's style (未获得许可，不得从事…; 非公有资本不得…); the items themselves are made up.
 */

/** A licensed trade: two ways of practising it make two 许可准入类 items. */
export interface Trade {
  obj: string;
  verbs: [string, string];
  industry: string[];
  authorities: string[];
  /** Domain of the 示例 legal basis its measures cite. */
  basis: number;
}

// basis: index into BASES below.
export const TRADES: Trade[] = [
  { obj: '食品', verbs: ['生产', '经营'], industry: ['C14', 'F5221'], authorities: ['市场监管总局'], basis: 0 },
  { obj: '特殊食品', verbs: ['生产', '进口'], industry: ['C1491'], authorities: ['市场监管总局', '海关总署'], basis: 0 },
  { obj: '药品', verbs: ['生产', '批发'], industry: ['C27', 'F5151'], authorities: ['国家药监局'], basis: 1 },
  { obj: '医疗器械', verbs: ['生产', '经营'], industry: ['C358', 'F5254'], authorities: ['国家药监局'], basis: 1 },
  { obj: '化妆品', verbs: ['生产', '进口'], industry: ['C2682'], authorities: ['国家药监局'], basis: 1 },
  { obj: '烟花爆竹', verbs: ['生产', '批发'], industry: ['C2672'], authorities: ['应急管理部'], basis: 2 },
  { obj: '危险化学品', verbs: ['生产', '经营'], industry: ['C26'], authorities: ['应急管理部'], basis: 2 },
  { obj: '民用爆炸物品', verbs: ['生产', '销售'], industry: ['C2671'], authorities: ['工业和信息化部', '公安部'], basis: 2 },
  { obj: '非煤矿山', verbs: ['开采', '建设'], industry: ['B10'], authorities: ['应急管理部', '自然资源部'], basis: 2 },
  { obj: '农药', verbs: ['生产', '经营'], industry: ['C263'], authorities: ['农业农村部'], basis: 3 },
  { obj: '兽药', verbs: ['生产', '经营'], industry: ['C275'], authorities: ['农业农村部'], basis: 3 },
  { obj: '农作物种子', verbs: ['生产', '经营'], industry: ['A01', 'F5111'], authorities: ['农业农村部'], basis: 3 },
  { obj: '饲料添加剂', verbs: ['生产', '进口'], industry: ['C132'], authorities: ['农业农村部'], basis: 3 },
  { obj: '生猪', verbs: ['屠宰', '定点屠宰'], industry: ['C1351'], authorities: ['农业农村部'], basis: 3 },
  { obj: '水产苗种', verbs: ['生产', '进口'], industry: ['A041'], authorities: ['农业农村部'], basis: 3 },
  { obj: '渔业', verbs: ['捕捞', '远洋捕捞'], industry: ['A042'], authorities: ['农业农村部'], basis: 3 },
  { obj: '林木种子', verbs: ['生产', '经营'], industry: ['A02'], authorities: ['国家林草局'], basis: 4 },
  { obj: '木材', verbs: ['采伐', '运输'], industry: ['A02', 'C20'], authorities: ['国家林草局'], basis: 4 },
  { obj: '野生动物', verbs: ['人工繁育', '经营利用'], industry: ['A03'], authorities: ['国家林草局', '农业农村部'], basis: 4 },
  { obj: '成品油', verbs: ['批发', '零售'], industry: ['F5162', 'F5265'], authorities: ['商务部'], basis: 5 },
  { obj: '燃气', verbs: ['经营', '供应'], industry: ['D45'], authorities: ['住房城乡建设部'], basis: 5 },
  { obj: '电力', verbs: ['供应', '发电'], industry: ['D44'], authorities: ['国家能源局'], basis: 5 },
  { obj: '煤炭', verbs: ['开采', '经营'], industry: ['B06'], authorities: ['国家能源局', '应急管理部'], basis: 5 },
  { obj: '道路旅客运输', verbs: ['经营', '站经营'], industry: ['G542'], authorities: ['交通运输部'], basis: 6 },
  { obj: '道路货物运输', verbs: ['经营', '站场经营'], industry: ['G543'], authorities: ['交通运输部'], basis: 6 },
  { obj: '网络预约出租汽车', verbs: ['经营', '驾驶员从业'], industry: ['G5413'], authorities: ['交通运输部', '公安部'], basis: 6 },
  { obj: '水路运输', verbs: ['经营', '辅助业务'], industry: ['G55'], authorities: ['交通运输部'], basis: 6 },
  { obj: '港口', verbs: ['经营', '危险货物作业'], industry: ['G553'], authorities: ['交通运输部'], basis: 6 },
  { obj: '民用航空', verbs: ['运输经营', '通用航空经营'], industry: ['G56'], authorities: ['中国民航局'], basis: 6 },
  { obj: '无人驾驶航空器', verbs: ['运营', '飞行活动'], industry: ['G5631'], authorities: ['中国民航局'], basis: 6 },
  { obj: '快递', verbs: ['经营', '末端服务'], industry: ['G6020'], authorities: ['国家邮政局'], basis: 6 },
  { obj: '建筑施工', verbs: ['承包', '劳务分包'], industry: ['E47', 'E48'], authorities: ['住房城乡建设部'], basis: 7 },
  { obj: '工程勘察设计', verbs: ['经营', '承接'], industry: ['M748'], authorities: ['住房城乡建设部'], basis: 7 },
  { obj: '工程监理', verbs: ['经营', '承接'], industry: ['M7481'], authorities: ['住房城乡建设部'], basis: 7 },
  { obj: '房地产', verbs: ['开发经营', '经纪'], industry: ['K7010', 'K7030'], authorities: ['住房城乡建设部'], basis: 7 },
  { obj: '测绘', verbs: ['经营', '地理信息服务'], industry: ['M744'], authorities: ['自然资源部'], basis: 7 },
  { obj: '矿产资源', verbs: ['勘查', '开采'], industry: ['B09', 'M7471'], authorities: ['自然资源部'], basis: 7 },
  { obj: '危险废物', verbs: ['收集', '利用处置'], industry: ['N7724'], authorities: ['生态环境部'], basis: 8 },
  { obj: '排污', verbs: ['单位生产经营', '重点单位生产'], industry: ['N772'], authorities: ['生态环境部'], basis: 8 },
  { obj: '医疗机构', verbs: ['设置', '执业'], industry: ['Q841'], authorities: ['国家卫生健康委'], basis: 9 },
  { obj: '放射诊疗', verbs: ['开展', '设备使用'], industry: ['Q841'], authorities: ['国家卫生健康委', '生态环境部'], basis: 9 },
  { obj: '养老机构', verbs: ['设立', '运营'], industry: ['Q8514'], authorities: ['民政部'], basis: 9 },
  { obj: '民办学校', verbs: ['设立', '办学'], industry: ['P83'], authorities: ['教育部'], basis: 9 },
  { obj: '职业技能培训', verbs: ['办学', '评价'], industry: ['P8391'], authorities: ['人力资源社会保障部'], basis: 9 },
  { obj: '人力资源服务', verbs: ['经营', '职业中介'], industry: ['L726'], authorities: ['人力资源社会保障部'], basis: 9 },
  { obj: '劳务派遣', verbs: ['经营', '跨地区经营'], industry: ['L7263'], authorities: ['人力资源社会保障部'], basis: 9 },
  { obj: '保安服务', verbs: ['经营', '培训'], industry: ['L7271'], authorities: ['公安部'], basis: 10 },
  { obj: '旅行社', verbs: ['经营', '出境旅游业务'], industry: ['L7291'], authorities: ['文化和旅游部'], basis: 10 },
  { obj: '娱乐场所', verbs: ['经营', '设立'], industry: ['R901'], authorities: ['文化和旅游部', '公安部'], basis: 10 },
  { obj: '互联网上网服务', verbs: ['经营', '营业场所设立'], industry: ['I6429'], authorities: ['文化和旅游部'], basis: 10 },
  { obj: '营业性演出', verbs: ['经营', '经纪'], industry: ['R88'], authorities: ['文化和旅游部'], basis: 10 },
  { obj: '出版物', verbs: ['批发', '零售'], industry: ['F5143', 'F5243'], authorities: ['国家新闻出版署'], basis: 10 },
  { obj: '电影', verbs: ['发行', '放映'], industry: ['R8750', 'R8760'], authorities: ['国家电影局'], basis: 10 },
  { obj: '广播电视节目', verbs: ['制作经营', '传送'], industry: ['R873'], authorities: ['国家广电总局'], basis: 10 },
  { obj: '电信业务', verbs: ['经营', '增值经营'], industry: ['I63'], authorities: ['工业和信息化部'], basis: 11 },
  { obj: '商用密码', verbs: ['检测', '进口'], industry: ['I65'], authorities: ['国家密码管理局'], basis: 11 },
  { obj: '彩票', verbs: ['发行', '代销'], industry: ['R903'], authorities: ['财政部'], basis: 11 },
];

/** How a licence is required, {o} the trade and {v} the practice; the first is the item's own name. */
export const PERMIT_PHRASES = [
  '未获得许可，不得从事{o}{v}',
  '{o}{v}企业须取得{o}{v}许可证',
  '未经{a}或其授权的机构批准，不得从事{o}{v}',
  '从事{o}{v}的，应当具备{c}，并依法取得相关许可',
  '{o}{v}单位的设立、变更须经{a}审批',
  '{o}{v}从业人员须取得相应职业资格',
  '未取得{o}{v}资质，不得承接{o}相关业务',
  '{o}{v}场所须符合{c}，经验收合格后方可营业',
  '新建、改建、扩建{o}{v}项目须经{a}核准',
  '{o}{v}实行定点管理，未经批准不得从事定点{v}',
  '跨省、自治区、直辖市从事{o}{v}的，须经{a}备案审查',
];

export const CONDITIONS = ['安全生产条件', '国家标准和行业标准', '环境保护要求', '卫生条件', '场所和设施设备要求', '专业技术人员配备要求', '质量管理规范'];

/** 禁止准入类 items: code, name, industries, and the measures they hold, {p} a protected place. */
export const PROHIBITED = [
  {
    code: '100001',
    name: '法律、法规、国务院决定等明确设立且与市场准入相关的禁止性规定',
    industry: [],
    authorities: ['国家发展改革委', '商务部'],
    phrases: ['禁止在{p}从事{o}{v}', '禁止在{p}新建、扩建{o}{v}项目', '禁止非法从事{o}{v}'],
  },
  {
    code: '100002',
    name: '国家产业政策明令淘汰和限制的产品、技术、工艺、设备及行为',
    industry: ['C'],
    authorities: ['国家发展改革委', '工业和信息化部'],
    phrases: ['禁止投资国家产业政策明令淘汰的{o}{v}工艺和设备', '禁止新建国家产业政策限制类{o}{v}项目'],
  },
  {
    code: '100003',
    name: '不符合主体功能区建设要求的各类开发活动',
    industry: [],
    authorities: ['国家发展改革委', '自然资源部'],
    phrases: ['禁止在{p}进行不符合主体功能定位的{o}{v}开发活动'],
  },
  {
    code: '100004',
    name: '禁止违规开展金融相关经营活动',
    industry: ['J66', 'J69'],
    authorities: ['中国人民银行', '金融监管总局', '中国证监会'],
    phrases: ['非金融机构、不从事金融活动的企业，在注册名称和经营范围中不得使用“{f}”字样', '未经批准，不得从事{f}业务'],
  },
  {
    code: '100005',
    name: '禁止违规开展互联网相关经营活动',
    industry: ['I64'],
    authorities: ['国家网信办', '工业和信息化部'],
    phrases: ['非公有资本不得介入互联网新闻信息采编业务', '未经许可，不得从事互联网{n}服务', '境外主体不得通过互联网从事{n}经营'],
  },
  {
    code: '100006',
    name: '禁止违规开展新闻传媒相关业务',
    industry: ['R86', 'R87'],
    authorities: ['中央宣传部', '国家广电总局'],
    phrases: ['非公有资本不得{m}'],
  },
];

export const PLACES = ['饮用水水源保护区', '自然保护区核心区', '风景名胜区核心景区', '永久基本农田', '生态保护红线范围内', '国家公园'];
export const FINANCE = ['金融', '理财', '财富管理', '股权众筹', '融资担保', '典当', '征信', '交易所', '支付', '外汇', '基金管理', '消费金融', '小额贷款'];
export const NET = ['新闻信息', '网络出版', '网络视听节目', '网络文化', '网络游戏出版', '互联网宗教信息'];
export const MEDIA = [
  '从事新闻采编播发业务',
  '投资设立和经营新闻机构',
  '经营新闻机构的版面、频率、频道、栏目、公众账号',
  '从事涉及政治、经济、军事、外交等活动的实况直播业务',
  '引进境外主体发布的新闻',
  '举办新闻舆论领域论坛峰会和评奖评选活动',
];

/** Regions with 地方性许可措施 (a province's measure applies in its cities), and a city in each for the checks. */
export const LOCAL_REGIONS = [
  { regionCode: '440000', regionName: '广东省', city: '440100' },
  { regionCode: '310000', regionName: '上海市', city: '310115' },
  { regionCode: '110000', regionName: '北京市', city: '110105' },
  { regionCode: '510000', regionName: '四川省', city: '510100' },
  { regionCode: '330000', regionName: '浙江省', city: '330100' },
  { regionCode: '420000', regionName: '湖北省', city: '420100' },
];

/** The 示例 legal bases measures cite (fictional texts; titles say so). */
export const BASES = ['食品安全', '药品医疗器械', '危险物品安全', '农业生产资料', '林业和野生动物', '能源', '交通运输', '建设工程', '生态环境', '社会事业', '文化市场', '信息通信和彩票'];

/** Activities no item of the data set covers (非禁即入): none of their content words is in a measure. */
export const FREE_ACTIVITIES = [
  '开设咖啡馆', '经营花店', '从事软件开发', '销售文具', '开办健身房', '提供家政服务', '经营洗衣店', '开设理发店',
  '从事宠物美容', '经营奶茶店', '销售服装', '开办瑜伽馆', '从事室内设计', '经营文创产品', '开展翻译服务', '从事网页设计',
  '销售家具', '经营眼镜店', '开设自行车维修店', '经营五金店', '从事广告设计', '开办书法培训班', '经营照相馆', '销售玩具',
  '开设面包房', '经营鞋店', '从事会展策划', '开办棋牌室', '经营水果店', '从事搬家服务', '销售办公用品', '经营裁缝店',
  '开设陶艺工作室', '从事婚礼策划', '经营手机维修',
];
