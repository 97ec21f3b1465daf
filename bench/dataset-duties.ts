/**
 * The search data set (issue 3): 50,000 legal articles across a few hundred legal bases and 20,000 power
 * items held by the bench agencies, composed from a fixed vocabulary of legal phrases with a fixed seed,
 * so every run loads byte-identical rows. Each text belongs to one field (道路运输, 食品安全, …); the
 * queries the scenarios use therefore match a few percent of the rows, as on a real portal.
 *
 * `search_text` is computed exactly as the app computes it (src/domain/legal-bases/rows.ts for texts and
 * articles, src/domain/powers.ts for power items), so the GIN indexes see what production would.
 */
import { sql } from 'drizzle-orm';
import { powerTypes } from '../src/codes/power-types.js';
import { citations, legalArticles, legalBases, powers } from '../src/db/schema.js';
import { openPostgres } from '../src/db/postgres.js';
import { articleLabel, articleOrdinal } from '../src/lib/article-no.js';
import { searchText, words } from '../src/lib/segment.js';
import { prng, uuidv7At } from './dataset.js';

const SEED = 0x5ea7c4;
const EPOCH = Date.UTC(2024, 2, 1);

const ARTICLES = 50_000;
const POWERS = 20_000;

/** One field of administration: who regulates it, whom, which licence, and what is forbidden. */
interface Field {
  field: string;
  regulator: string;
  actor: string;
  licence: string;
  /** Unlawful acts, phrased as a 处罚 item names them (对…的行政处罚). */
  acts: string[];
  /** What a 行政强制 item seizes. */
  goods: string;
}

const f = (field: string, regulator: string, actor: string, licence: string, goods: string, ...acts: string[]): Field => ({ field, regulator, actor, licence, goods, acts });

/** 48 fields; three of them contain 道路 (道路运输, 道路交通安全, 城市道路), one 道路运输. */
const FIELDS: Field[] = [
  f('道路运输', '交通运输主管部门', '道路运输经营者', '道路运输经营许可证', '车辆', '未取得道路运输经营许可擅自从事道路运输经营', '使用失效、伪造、变造的道路运输经营许可证从事道路运输经营', '客运经营者不按批准的客运站点停靠'),
  f('道路交通安全', '公安机关交通管理部门', '机动车驾驶人', '机动车驾驶证', '机动车', '驾驶未登记的机动车上道路行驶', '在道路上超速行驶', '非法拦截、扣留机动车辆'),
  f('城市道路', '市政工程行政主管部门', '施工单位', '城市道路挖掘许可', '施工机具', '未经批准擅自占用、挖掘城市道路', '在城市道路上擅自设置障碍物', '挖掘城市道路后不及时清理现场'),
  f('水路运输', '交通运输主管部门', '水路运输经营者', '水路运输许可证', '船舶', '未经许可擅自经营水路运输业务', '使用不符合规定的船舶从事水路运输'),
  f('港口经营', '港口行政管理部门', '港口经营人', '港口经营许可证', '装卸设备', '未依法取得许可从事港口经营', '港口经营人不按规定实行安全检查'),
  f('食品安全', '市场监督管理部门', '食品生产经营者', '食品生产许可证', '食品', '未取得食品生产经营许可从事食品生产经营活动', '用非食品原料生产食品', '经营超过保质期的食品'),
  f('药品管理', '药品监督管理部门', '药品经营企业', '药品经营许可证', '药品', '未取得药品经营许可证经营药品', '销售假药、劣药'),
  f('医疗器械', '药品监督管理部门', '医疗器械注册人', '医疗器械经营许可证', '医疗器械', '生产未取得医疗器械注册证的第二类、第三类医疗器械', '经营无合格证明文件的医疗器械'),
  f('安全生产', '应急管理部门', '生产经营单位', '安全生产许可证', '设备设施', '未依法取得安全生产许可证擅自进行生产', '生产经营单位的主要负责人未履行安全生产管理职责'),
  f('危险化学品', '应急管理部门', '危险化学品单位', '危险化学品经营许可证', '危险化学品', '未取得危险化学品经营许可证经营危险化学品', '未按照规定对危险化学品进行储存'),
  f('特种设备', '特种设备安全监督管理部门', '特种设备使用单位', '特种设备使用登记证', '特种设备', '使用未取得许可生产的特种设备', '特种设备未经定期检验继续使用'),
  f('消防', '消防救援机构', '公众聚集场所', '消防安全检查合格证', '消防器材', '公众聚集场所未经消防安全检查擅自投入使用', '损坏、挪用或者擅自拆除消防设施、器材'),
  f('大气污染防治', '生态环境主管部门', '排污单位', '排污许可证', '排污设备', '超过大气污染物排放标准排放大气污染物', '未依法取得排污许可证排放大气污染物'),
  f('水污染防治', '生态环境主管部门', '排污单位', '排污许可证', '排污设备', '利用渗井、渗坑等逃避监管的方式排放水污染物', '未按照规定设置排污口'),
  f('固体废物污染环境防治', '生态环境主管部门', '产生工业固体废物的单位', '危险废物经营许可证', '固体废物', '擅自倾倒、堆放、丢弃、遗撒固体废物', '无许可证从事收集、贮存、利用、处置危险废物经营活动'),
  f('噪声污染防治', '生态环境主管部门', '建筑施工单位', '夜间施工许可', '施工机械', '在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业', '超过噪声排放标准排放工业噪声'),
  f('建筑市场', '住房和城乡建设主管部门', '建设单位', '建筑工程施工许可证', '建筑材料', '未取得施工许可证擅自施工', '将建设工程肢解发包'),
  f('城乡规划', '城乡规划主管部门', '建设单位', '建设工程规划许可证', '建筑物', '未取得建设工程规划许可证进行建设', '未按照建设工程规划许可证的规定进行建设'),
  f('房地产开发', '住房和城乡建设主管部门', '房地产开发企业', '商品房预售许可证', '房屋', '未取得商品房预售许可证预售商品房', '房地产开发企业未按规定公示商品房预售方案'),
  f('物业管理', '物业管理主管部门', '物业服务企业', '物业服务合同备案', '设施设备', '物业服务企业擅自改变物业管理用房用途', '挪用专项维修资金'),
  f('燃气管理', '燃气管理部门', '燃气经营者', '燃气经营许可证', '燃气设施', '未取得燃气经营许可证从事燃气经营活动', '擅自改动燃气设施'),
  f('供水管理', '城市供水主管部门', '城市供水企业', '取水许可证', '供水设施', '供水水质不符合国家规定标准', '擅自停止供水'),
  f('城市排水', '城镇排水主管部门', '排水户', '污水排入排水管网许可证', '排水设施', '未取得污水排入排水管网许可证向城镇排水设施排放污水', '损毁、盗窃城镇排水与污水处理设施'),
  f('市容环境卫生', '城市管理主管部门', '沿街经营者', '户外广告设置许可', '物品', '在城市建筑物、设施以及树木上涂写、刻画', '擅自设置大型户外广告'),
  f('园林绿化', '园林绿化主管部门', '绿化养护单位', '临时占用绿地许可', '苗木', '擅自砍伐城市树木', '擅自占用城市绿化用地'),
  f('土地管理', '自然资源主管部门', '土地使用者', '建设用地批准书', '建筑物和其他设施', '未经批准非法占用土地', '买卖或者以其他形式非法转让土地'),
  f('矿产资源', '自然资源主管部门', '采矿权人', '采矿许可证', '采矿设备', '未取得采矿许可证擅自采矿', '超越批准的矿区范围采矿'),
  f('测绘管理', '测绘地理信息主管部门', '测绘单位', '测绘资质证书', '测绘成果', '未取得测绘资质证书从事测绘活动', '违反规定编制地图'),
  f('森林资源', '林业主管部门', '林木经营者', '林木采伐许可证', '林木', '未取得采伐许可证擅自采伐林木', '毁坏森林、林木'),
  f('草原保护', '草原行政主管部门', '草原承包经营者', '草原征占用审核同意书', '牲畜', '非法开垦草原', '超载放牧'),
  f('野生动物保护', '野生动物保护主管部门', '野生动物经营利用者', '野生动物人工繁育许可证', '野生动物及其制品', '非法猎捕、杀害国家重点保护野生动物', '出售、购买、利用国家重点保护野生动物及其制品'),
  f('渔业', '渔业主管部门', '渔业生产者', '捕捞许可证', '渔具', '未依法取得捕捞许可证擅自进行捕捞', '在禁渔区、禁渔期进行捕捞'),
  f('动物防疫', '农业农村主管部门', '动物饲养场', '动物防疫条件合格证', '动物产品', '未取得动物防疫条件合格证从事动物饲养', '屠宰、经营、运输染疫动物'),
  f('农药管理', '农业农村主管部门', '农药经营者', '农药经营许可证', '农药', '未取得农药经营许可证经营农药', '经营假农药、劣质农药'),
  f('种子管理', '农业农村主管部门', '种子生产经营者', '种子生产经营许可证', '种子', '未取得种子生产经营许可证生产经营种子', '生产经营假种子'),
  f('文物保护', '文物主管部门', '文物收藏单位', '文物保护工程资质证书', '文物', '擅自在文物保护单位的保护范围内进行建设工程', '转让、抵押国有不可移动文物'),
  f('出版管理', '出版行政主管部门', '出版单位', '出版物经营许可证', '出版物', '未经批准擅自设立出版物的出版、印刷或者复制、进口、发行单位', '出版含有禁止内容的出版物'),
  f('网络安全', '网信部门', '网络运营者', '增值电信业务经营许可证', '设备', '网络运营者不履行网络安全保护义务', '未按规定留存网络日志'),
  f('娱乐场所', '文化和旅游主管部门', '娱乐场所经营单位', '娱乐经营许可证', '设备', '未取得娱乐经营许可证擅自从事娱乐场所经营活动', '娱乐场所超时营业'),
  f('旅游市场', '文化和旅游主管部门', '旅行社', '旅行社业务经营许可证', '物品', '未经许可经营旅行社业务', '旅行社安排旅游者参观或者参与违反法律法规的项目'),
  f('广告管理', '市场监督管理部门', '广告主', '广告发布登记', '广告物料', '发布虚假广告', '发布含有禁止情形的广告'),
  f('价格管理', '市场监督管理部门', '经营者', '明码标价', '商品', '不执行政府指导价、政府定价', '不按照规定明码标价'),
  f('计量管理', '市场监督管理部门', '计量器具使用者', '计量器具型式批准证书', '计量器具', '使用不合格的计量器具', '破坏计量器具准确度'),
  f('产品质量', '市场监督管理部门', '生产者', '工业产品生产许可证', '产品', '生产、销售不符合保障人体健康和人身、财产安全的国家标准的产品', '在产品中掺杂、掺假'),
  f('烟草专卖', '烟草专卖行政主管部门', '烟草制品零售户', '烟草专卖零售许可证', '烟草制品', '无烟草专卖零售许可证经营烟草制品零售业务', '无准运证运输烟草专卖品'),
  f('劳动保障', '人力资源社会保障行政部门', '用人单位', '劳务派遣经营许可证', '档案资料', '用人单位克扣或者无故拖欠劳动者工资', '非法招用未满十六周岁的未成年人'),
  f('医疗机构', '卫生健康主管部门', '医疗机构', '医疗机构执业许可证', '医疗器械', '未取得医疗机构执业许可证擅自执业', '使用非卫生技术人员从事医疗卫生技术工作'),
  f('传染病防治', '卫生健康主管部门', '疾病预防控制机构', '卫生许可证', '物品', '未依法履行传染病监测职责', '拒绝按照规定进行消毒处理'),
];

const PROVINCES = ['北京市', '上海市', '广东省', '四川省', '浙江省', '湖北省', '江苏省', '山东省', '河南省', '福建省'];
const CITIES = ['广州市', '深圳市', '成都市', '杭州市', '武汉市', '南京市', '济南市', '郑州市', '福州市', '苏州市'];
const NUMERALS = ['一', '二', '三', '五', '十'];

/** How each level names a text, who issues it, and what it calls itself ("本条例"). */
const LEVELS = [
  { level: '法律', weight: 1, title: (d: Field) => `中华人民共和国${d.field}法`, issuer: () => '全国人民代表大会常务委员会', self: '法' },
  { level: '行政法规', weight: 2, title: (d: Field) => `${d.field}管理条例`, issuer: () => '国务院', self: '条例' },
  { level: '地方性法规', weight: 3, title: (d: Field, place: string) => `${place}${d.field}条例`, issuer: (place: string) => `${place}人民代表大会常务委员会`, self: '条例' },
  { level: '部门规章', weight: 2, title: (d: Field) => `${d.field}监督管理规定`, issuer: (_: string, d: Field) => `国务院${d.regulator}`, self: '规定' },
  { level: '地方政府规章', weight: 3, title: (d: Field, place: string) => `${place}${d.field}管理办法`, issuer: (place: string) => `${place}人民政府`, self: '办法' },
  { level: '行政规范性文件', weight: 2, title: (d: Field, place: string) => `${place}${d.field}行政处罚裁量基准`, issuer: (place: string, d: Field) => `${place}${d.regulator}`, self: '基准' },
] as const;

/** Standard 责任事项 and 追责情形 of a 权责清单 item (long, and the same across fields, as in real lists). */
const RESPONSIBILITIES: Record<string, string[]> = {
  '02': [
    '立案责任：对发现的涉嫌违法行为进行初步审查，决定是否立案。',
    '调查取证责任：执法人员不得少于两人，出示执法证件，全面、客观、公正地调查收集证据。',
    '审查责任：对案件违法事实、证据、调查取证程序、法律适用、处罚种类和幅度等进行审查。',
    '告知责任：作出行政处罚决定前，告知当事人拟作出处罚的内容及事实、理由、依据，并告知其依法享有的陈述、申辩、要求听证等权利。',
    '决定责任：制作行政处罚决定书，载明违法事实、处罚依据、处罚种类和履行方式及期限。',
    '送达责任：行政处罚决定书在宣告后当场交付当事人，当事人不在场的，在七日内依照规定送达。',
    '执行责任：监督当事人在决定的期限内履行生效的行政处罚决定，当事人逾期不履行的依法强制执行。',
  ],
  '01': [
    '受理责任：公示依法应当提交的材料，一次性告知补正材料，依法受理或者不予受理并说明理由。',
    '审查责任：对申请材料进行审查，需要现场核查的，组织现场核查。',
    '决定责任：在法定期限内作出准予许可或者不予许可的决定，不予许可的说明理由。',
    '送达责任：准予许可的，制发许可证件并送达申请人。',
    '事后监管责任：对被许可人从事许可事项的活动实施监督检查。',
  ],
  '06': [
    '检查责任：制定年度检查计划，随机抽取检查对象，随机选派执法检查人员。',
    '处置责任：对检查中发现的违法行为依法责令改正，需要给予行政处罚的依法立案查处。',
    '信息公开责任：依法公开检查结果。',
  ],
  '03': [
    '审批责任：实施行政强制措施前向行政机关负责人报告并经批准。',
    '告知责任：当场告知当事人采取行政强制措施的理由、依据以及当事人依法享有的权利、救济途径。',
    '实施责任：制作现场笔录和查封、扣押决定书及清单，妥善保管查封、扣押的场所、设施或者财物。',
    '解除责任：对违法事实清楚、依法应当没收的，依法处理；不再需要采取措施的，及时解除。',
  ],
};
const OTHER_RESPONSIBILITIES = ['受理责任：依法受理申请或者依职权启动程序。', '审查责任：对材料进行审查并提出意见。', '决定责任：依法作出决定并说明理由。', '送达责任：依法送达相关文书。'];
const ACCOUNTABILITY = [
  '对符合条件的申请不予受理或者不在法定期限内作出决定的',
  '没有法律、法规或者规章依据实施行政处罚或者违反法定程序实施行政处罚的',
  '擅自改变行政处罚种类、幅度的',
  '违法实行检查措施或者执行措施，给公民人身或者财产造成损害的',
  '在执法过程中滥用职权、玩忽职守、徇私舞弊的',
  '索取或者收受他人财物或者谋取其他利益的',
  '其他违反法律法规规章规定的行为',
];

/**
 * searchText() with memoised segmentation: the composed texts repeat their sentences (and power items
 * their 责任事项), and segmenting 70,000 texts from scratch would take most of the load time. Segments
 * never span a line break or a 。, so segmenting sentence by sentence gives the same words; buildDuties
 * checks that against searchText() itself on a sample of rows and refuses to load if they ever differ.
 */
const segmented = new Map<string, string[]>();
function fastSearchText(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    for (const sentence of part.split(/(?<=[。\n])/)) {
      let list = segmented.get(sentence);
      if (!list) segmented.set(sentence, (list = words(sentence)));
      out.push(...list);
    }
  }
  return out.join(' ');
}

type BasisInsert = typeof legalBases.$inferInsert;
type ArticleInsert = typeof legalArticles.$inferInsert;
type PowerInsert = typeof powers.$inferInsert;
type CitationInsert = typeof citations.$inferInsert;

interface DutiesData {
  bases: BasisInsert[];
  articles: ArticleInsert[];
  powers: PowerInsert[];
  citations: CitationInsert[];
}

/** Composes the articles of one text: 总则, licensing, supervision, 法律责任 (most of them), 附则. */
function composeArticles(rand: () => number, basisId: string, d: Field, self: string, count: number, effectiveOn: string): ArticleInsert[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const other = () => pick(FIELDS);
  const fine = () => {
    const lo = pick([1, 2, 5, 10]);
    return rand() < 0.5
      ? `并处${lo}万元以上${lo * pick([5, 10])}万元以下的罚款`
      : `违法所得${lo}万元以上的，并处违法所得${pick(NUMERALS)}倍以上${pick(['五', '十', '二十'])}倍以下的罚款；没有违法所得或者违法所得不足${lo}万元的，处${lo}万元以上${lo * 5}万元以下的罚款`;
  };
  const severe = () => pick([`吊销${d.licence}`, '责令停产停业整顿', `由原许可机关吊销${d.licence}`, '对直接负责的主管人员和其他直接责任人员处一万元以上五万元以下的罚款']);
  const general = [
    () => `为了规范${d.field}活动，维护${d.field}秩序，保障人民群众生命财产安全，根据有关法律、行政法规，结合实际，制定本${self}。`,
    () => `本行政区域内从事${d.field}活动及其监督管理，适用本${self}。法律、行政法规另有规定的，从其规定。`,
    () => `县级以上人民政府${d.regulator}负责本行政区域内的${d.field}监督管理工作。其他有关部门在各自职责范围内做好相关工作。`,
    () => `${d.actor}应当遵守法律、法规和国家标准，建立健全管理制度，诚实守信，接受社会监督。`,
  ];
  const licensing = [
    () => `从事${d.field}经营活动，应当依法取得${d.licence}。申请人应当向${d.regulator}提出申请，并提交申请书、营业执照、场所和设施证明以及管理制度文本等材料。`,
    () => `${d.regulator}应当自受理申请之日起${pick(['十', '二十', '三十'])}日内审查完毕，作出许可或者不予许可的决定。予以许可的，颁发${d.licence}；不予许可的，应当书面通知申请人并说明理由。`,
    () => `${d.licence}有效期为${pick(['三', '五', '六'])}年。有效期届满需要延续的，应当在有效期届满三十日前向原发证机关提出申请。`,
  ];
  const supervision = [
    () => `${d.regulator}应当依法对${d.field}活动实施监督检查，可以查阅、复制有关资料，询问有关人员，对涉嫌违法的${d.goods}依法实施查封、扣押。`,
    () => `${d.regulator}应当建立${d.actor}信用档案，依法公开行政许可、行政处罚等信息，并按照规定实施联合惩戒。`,
    () => {
      const o = other();
      return `${d.field}中涉及${o.field}的事项，由${d.regulator}会同${o.regulator}依照有关法律、行政法规的规定办理。`;
    },
    () => `任何单位和个人有权对违反本${self}规定的行为进行举报。${d.regulator}应当公布举报电话，并在${pick(['五', '七', '十五'])}个工作日内处理。`,
  ];
  const liability = [
    () => `违反本${self}规定，${pick(d.acts)}的，由县级以上人民政府${d.regulator}责令改正，没收违法所得，${fine()}；情节严重的，${severe()}。`,
    () => `${d.actor}有下列行为之一的，由${d.regulator}责令改正，给予警告；拒不改正的，处${pick(['一千', '二千', '五千'])}元以上${pick(['一万', '二万', '三万'])}元以下的罚款：（一）${pick(d.acts)}；（二）未按照规定建立管理台账；（三）拒绝、阻碍监督检查。`,
    () => `违反本${self}规定，${pick(d.acts)}，构成违反治安管理行为的，由公安机关依法给予治安管理处罚；构成犯罪的，依法追究刑事责任。`,
    () => `${d.regulator}及其工作人员在${d.field}监督管理工作中滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任。`,
  ];
  const chapters = ['第一章 总则', `第二章 ${d.field}经营`, '第三章 监督检查', '第四章 法律责任', '第五章 附则'];
  const rows: ArticleInsert[] = [];
  for (let k = 1; k <= count; k++) {
    const share = k / count;
    const [chapter, pool] =
      k === count
        ? [chapters[4]!, [() => `本${self}自${effectiveOn.slice(0, 4)}年${Number(effectiveOn.slice(5, 7))}月${Number(effectiveOn.slice(8))}日起施行。`]]
        : share < 0.1
          ? [chapters[0]!, general]
          : share < 0.3
            ? [chapters[1]!, licensing]
            : share < 0.5
              ? [chapters[2]!, supervision]
              : [chapters[3]!, liability];
    const sentences = int(1, 2);
    let text = '';
    for (let s = 0; s < sentences; s++) text += pick(pool)();
    const no = String(k);
    rows.push({ legalBasisId: basisId, no, ordinal: articleOrdinal(no), label: articleLabel(no), chapter, text, paragraphs: null, searchText: fastSearchText(text) });
  }
  return rows;
}

/** Builds every row; `agencyIds` are the bench agencies the power items belong to. */
function buildDuties(agencyIds: readonly string[]): DutiesData {
  const rand = prng(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const levelPool = LEVELS.flatMap((l) => Array.from({ length: l.weight }, () => l));
  const bases: BasisInsert[] = [];
  const articles: ArticleInsert[] = [];
  const basesOf = new Map<string, { id: string; articles: number }[]>();
  for (let i = 0; articles.length < ARTICLES; i++) {
    const at = new Date(EPOCH + i * 3_600_000);
    const id = uuidv7At(at.getTime(), rand);
    const d = pick(FIELDS);
    const lv = pick(levelPool);
    const place = lv.level === '地方性法规' ? pick(PROVINCES) : pick(CITIES);
    const year = 2000 + Math.floor(rand() * 24);
    const promulgatedOn = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const effectiveOn = `${year + 1}-01-01`;
    const title = lv.title(d, place);
    bases.push({
      id,
      version: 1,
      status: 'published',
      createdAt: at,
      updatedAt: at,
      agencyId: null,
      title,
      level: lv.level,
      issuer: lv.issuer(place, d),
      docNumber: null,
      promulgatedOn,
      effectiveOn,
      repealedOn: rand() < 0.05 ? `${year + 5}-01-01` : null,
      amendsId: null,
      topics: [d.field],
      sourceUrl: null,
      searchText: searchText(title),
    });
    const count = Math.min(ARTICLES - articles.length, 80 + Math.floor(rand() * 240));
    articles.push(...composeArticles(rand, id, d, lv.self, count, effectiveOn));
    const list = basesOf.get(d.field) ?? [];
    list.push({ id, articles: count });
    basesOf.set(d.field, list);
  }

  const typePool = ['02', '02', '02', '02', '02', '02', '01', '06', '03', '04', '05', '07', '08', '09', '10'] as const;
  const rows: PowerInsert[] = [];
  const cites: CitationInsert[] = [];
  for (let i = 0; i < POWERS; i++) {
    const at = new Date(EPOCH + i * 60_000);
    const id = uuidv7At(at.getTime(), rand);
    const d = pick(FIELDS);
    const type = pick(typePool);
    const typeName = powerTypes.entry(type).name;
    const act = pick(d.acts);
    const name =
      type === '02'
        ? `对${act}的行政处罚`
        : type === '01'
          ? `${d.licence}核发`
          : type === '06'
            ? `对${d.actor}的行政检查`
            : type === '03'
              ? `对涉嫌${act}的${d.goods}实施查封、扣押`
              : `${d.field}${typeName}`;
    const code = `${powerTypes.entry(type).letter}${String(i + 1).padStart(8, '0')}`;
    const subItems =
      type === '02' && rand() < 0.3
        ? [
            { code: `${code}01`, name: `${act}，情节较轻的` },
            { code: `${code}02`, name: `${act}，情节严重的` },
          ]
        : [];
    const responsibilities = RESPONSIBILITIES[type] ?? OTHER_RESPONSIBILITIES;
    const accountability = ACCOUNTABILITY.slice(0, 3 + Math.floor(rand() * 4));
    const candidates = basesOf.get(d.field) ?? [];
    const cited = candidates.length ? pick(candidates) : null;
    const citationList = cited ? [{ legalBasisId: cited.id, articleNo: String(Math.max(1, Math.ceil(cited.articles * (0.5 + rand() * 0.5)))) }] : [];
    for (const c of citationList) cites.push({ recordType: 'power', recordId: id, legalBasisId: c.legalBasisId, articleNo: c.articleNo });
    rows.push({
      id,
      version: 1,
      status: rand() < 0.03 ? 'cancelled' : 'active',
      createdAt: at,
      updatedAt: at,
      agencyId: pick(agencyIds),
      code,
      name,
      type,
      subItems,
      citations: citationList,
      responsibilities,
      accountability,
      reviewTransfer: rand() < 0.05,
      // As src/domain/powers.ts columns() computes it.
      searchText: fastSearchText(name, code, typeName, ...subItems.flatMap((s) => [s.code, s.name]), ...responsibilities, ...accountability),
    });
  }
  // The stored search_text must be what the app would store: check a deterministic sample against it.
  for (let i = 0; i < articles.length; i += 47) {
    if (articles[i]!.searchText !== searchText(articles[i]!.text)) throw new Error(`search_text of article ${i} differs from searchText()`);
  }
  for (let i = 0; i < rows.length; i += 23) {
    const p = rows[i]!;
    const subItems = p.subItems as { code: string; name: string }[];
    const expected = searchText(p.name, p.code, powerTypes.entry(p.type).name, ...subItems.flatMap((s) => [s.code, s.name]), ...(p.responsibilities as string[]), ...(p.accountability as string[]));
    if (p.searchText !== expected) throw new Error(`search_text of power ${i} differs from searchText()`);
  }
  return { bases, articles, powers: rows, citations: cites };
}

export interface DutiesFacts {
  bases: number;
  articles: number;
  powers: number;
  /** Query → rows it matches as a substring (articles' text, powers' name), measured after loading. */
  matches: { table: 'legal_articles' | 'powers'; q: string; rows: number; of: number }[];
}

/** Inserts the search data set (agencies must be loaded) and refreshes statistics. */
export async function loadDuties(
  url: string,
  agencyIds: readonly string[],
  probe: { articles: string[]; powers: string[] },
  log: (message: string) => void = () => {},
): Promise<DutiesFacts> {
  let started = Date.now();
  const lap = (what: string) => {
    log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
  };
  const data = buildDuties(agencyIds);
  lap('composed and segmented the search data set');
  const { db, close } = openPostgres(url, { max: 1 });
  const batches = async <T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  };
  try {
    // Filling GIN indexes row by row is most of the load time; building them once afterwards is several
    // times faster. They are recreated from their own definitions (pg_indexes), so the schema is unchanged.
    const gin = (await db.execute(
      sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('legal_bases', 'legal_articles', 'powers') AND indexdef LIKE '% USING gin %'`,
    )) as unknown as { indexname: string; indexdef: string }[];
    for (const { indexname } of gin) await db.execute(sql`DROP INDEX ${sql.identifier(indexname)}`);
    await batches(data.bases, 500, (c) => db.insert(legalBases).values(c));
    await batches(data.articles, 1000, (c) => db.insert(legalArticles).values(c));
    await batches(data.powers, 1000, (c) => db.insert(powers).values(c));
    await batches(data.citations, 2000, (c) => db.insert(citations).values(c));
    lap('inserted');
    await db.execute(sql`SET maintenance_work_mem = '256MB'`);
    for (const { indexdef } of gin) await db.execute(sql.raw(indexdef));
    lap(`rebuilt ${gin.length} GIN indexes`);
    for (const table of ['legal_bases', 'legal_articles', 'powers', 'citations']) await db.execute(sql.raw(`VACUUM ANALYZE ${table}`));
    lap('vacuumed and analyzed');
    const matches: DutiesFacts['matches'] = [];
    const count = async (table: 'legal_articles' | 'powers', column: string, q: string) => {
      const rows = (await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} ILIKE ${'%' + q + '%'}`)) as unknown as { n: number }[];
      matches.push({ table, q, rows: rows[0]!.n, of: table === 'powers' ? data.powers.length : data.articles.length });
    };
    for (const q of probe.articles) await count('legal_articles', 'text', q);
    for (const q of probe.powers) await count('powers', 'name', q);
    return { bases: data.bases.length, articles: data.articles.length, powers: data.powers.length, matches };
  } finally {
    await close();
  }
}
