/**
 * A deterministic 检查对象名录库 file for the directory-import benchmark: row i is always the same, so runs
 * compare. Written as an agency's register would be (CSV UTF-8 with BOM, header variants, risk classes
 * written as letters or as 低/一般/较高/高, tags joined by 、), every row valid and distinct: ~95 % market
 * entities with a GB 32100 credit code, ~4 % old registrations with a 15-digit 注册号, ~1 % products.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { completeCreditCode } from '../src/lib/credit-code.js';
import { prng } from './dataset.js';

const ENTITY_HEADERS = ['企业名称', '统一社会信用代码', '注册号', '对象类型', '企业类型', '所在地区划', '国民经济行业分类', '住所', '风险等级', '标签'];

const DISTRICTS = [
  { code: '440103', name: '荔湾区' }, { code: '440104', name: '越秀区' }, { code: '440105', name: '海珠区' }, { code: '440106', name: '天河区' },
  { code: '440111', name: '白云区' }, { code: '440112', name: '黄埔区' }, { code: '440113', name: '番禺区' }, { code: '440114', name: '花都区' },
];
const TRADES = [
  { name: '食品', industry: 'F5121', tag: '食品经营' }, { name: '餐饮管理', industry: 'H6210', tag: '餐饮服务' }, { name: '建材', industry: 'F5165', tag: '建材' },
  { name: '医疗器械', industry: 'F5174', tag: '医疗器械' }, { name: '物流', industry: 'G5990', tag: '道路运输' }, { name: '科技', industry: 'I6510', tag: '' },
  { name: '商贸', industry: 'F5211', tag: '' }, { name: '化工', industry: 'F5162', tag: '危险化学品' },
];
const KINDS = ['有限责任公司', '有限责任公司(自然人独资)', '股份有限公司', '个体工商户', '农民专业合作社'];
const ROADS = ['中山大道', '黄埔大道', '天河路', '工业大道', '广州大道', '环市东路'];
const RISK = [
  { w: 0.45, cell: 'A' }, { w: 0.15, cell: '低' }, { w: 0.2, cell: 'B' }, { w: 0.1, cell: '一般' }, { w: 0.06, cell: 'C' }, { w: 0.02, cell: '较高' }, { w: 0.02, cell: 'D' },
];

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)]!;
const weighted = <T extends { w: number }>(list: readonly T[], r: number): T => {
  let acc = 0;
  for (const x of list) if (r < (acc += x.w)) return x;
  return list[list.length - 1]!;
};

/** Row i (0-based) of the file, as cells by header. */
function entityRow(i: number): Record<string, string> {
  const rand = prng(0x5eed00 + i);
  const district = pick(DISTRICTS, rand());
  const trade = pick(TRADES, rand());
  const kind = rand();
  const serial = String(i).padStart(8, '0');
  const product = kind < 0.01;
  const old = !product && kind < 0.05;
  const tags = [trade.tag, rand() < 0.2 ? '重点监管' : ''].filter(Boolean);
  return {
    企业名称: product ? `${trade.name}产品批次${serial}` : `广州市${district.name.slice(0, 2)}${serial}${trade.name}有限公司`,
    统一社会信用代码: product || old ? '' : completeCreditCode(`91${district.code}${serial}`),
    注册号: old ? `${district.code}${serial}0` : '',
    对象类型: product ? '产品' : '市场主体',
    企业类型: product ? '' : pick(KINDS, rand()),
    所在地区划: district.code,
    国民经济行业分类: trade.industry,
    住所: `广州市${district.name}${pick(ROADS, rand())}${1 + Math.floor(rand() * 999)}号`,
    风险等级: weighted(RISK, rand()).cell,
    标签: tags.join('、'),
  };
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Writes rows 0..count-1 as CSV (UTF-8 with BOM, CRLF, as Excel saves "CSV UTF-8"); returns its size in bytes. */
export async function writeEntityCsv(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\uFEFF' + ENTITY_HEADERS.join(',') + '\r\n');
  for (let start = 0; start < count; start += 1000) {
    let chunk = '';
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const row = entityRow(i);
      chunk += ENTITY_HEADERS.map((h) => csvCell(row[h] ?? '')).join(',') + '\r\n';
    }
    await write(chunk);
  }
  out.end();
  await once(out, 'close');
  return bytes;
}
