import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { negativeListMeasures } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { lexeme, searchText, words } from '../../lib/segment.js';
import { chinaDate } from '../../lib/validity.js';
import type { CheckQuery, CheckResult } from '../../schemas/negative-list/queries.js';
import { edition } from './editions.js';
import { itemsById, presentItems } from './items.js';
import { industryMatches, localMeasuresIn, queriedEdition } from './measures.js';

const m = negativeListMeasures;

/**
 * Words that say how one asks, not what one does: "我想开一家…公司从事…经营活动" would otherwise meet nearly
 * every measure (they all say 不得从事…经营). They do not count towards a match.
 */
const GENERIC = new Set(
  '我 我们 想 我想 要 想要 打算 准备 申请 能否 能不能 可以 可否 是否 需要 如何 怎么 怎样 的 了 在 和 与 及 或 等 一家 一个 个 家 开 办 做 搞 开办 开设 设立 成立 注册 从事 开展 进行 经营 经营者 活动 业务 服务 生产 销售 企业 公司 有限公司 单位 市场 主体 项目'.split(' '),
);

/** The content words of an activity (at most 12), in order, without repeats. */
function contentWords(activity: string): string[] {
  return [...new Set(words(activity).filter((w) => !GENERIC.has(w)))].slice(0, 12);
}

/** How many of n content words a measure must contain: all of one or two, then a third, at least two. */
const threshold = (n: number) => Math.min(n, Math.max(2, Math.ceil(n / 3)));

/**
 * "May I do this?": the items of the edition in force whose measures (national, plus the region's local ones)
 * contain enough of the activity's content words, or whose industry codes meet the given one; 非禁即入 when
 * none do. Words are matched as indexed lexemes, the same segmentation the search uses.
 */
export async function checkActivity(db: Db, query: CheckQuery, now: Date): Promise<CheckResult> {
  const asOf = query.asOf ?? chinaDate(now);
  const inForce = await queriedEdition(db, { asOf }, now);
  const wordsOf = contentWords(query.activity);
  if (wordsOf.length === 0 && !query.industry) {
    throw problems.unprocessable([{ in: 'query', pointer: '/activity', detail: 'Name the activity itself (e.g. 销售电子烟): these words alone say nothing about what is done.' }]);
  }
  const hit = (w: string) => sql<number>`(CASE WHEN ${m.searchVector} @@ to_tsquery('simple', ${lexeme(w)}) THEN 1 ELSE 0 END)`;
  const score = wordsOf.length ? sql<number>`(${sql.join(wordsOf.map(hit), sql` + `)})`.mapWith(Number) : sql<number>`CAST(0 AS integer)`.mapWith(Number);
  const industry = query.industry ? industryMatches(query.industry) : sql`false`;
  const rows = await db
    .select({ itemId: m.itemId, position: m.position, score, industry: sql<boolean>`${industry}`.mapWith(Boolean) })
    .from(m)
    .where(and(eq(m.editionId, inForce.id), localMeasuresIn(query.region), wordsOf.length ? sql`(${score} >= ${threshold(wordsOf.length)} OR ${industry})` : industry))
    .orderBy(...(wordsOf.length ? [desc(score)] : []), asc(m.itemCode), asc(m.position))
    .limit(500);
  const found = new Map<string, { nos: number[]; score: number; industry: boolean }>();
  for (const r of rows) {
    const f = found.get(r.itemId) ?? { nos: [], score: 0, industry: false };
    f.nos.push(r.position);
    f.score = Math.max(f.score, r.score);
    f.industry ||= r.industry;
    found.set(r.itemId, f);
  }
  const itemRows = await itemsById(db, [...found.keys()]);
  const published = new Map((await presentItems(db, itemRows, now)).map((i) => [i.id, i]));
  const matches = [...found.entries()]
    .map(([id, f]) => {
      const item = published.get(id)!;
      const said = new Set(searchText(item.name, ...f.nos.map((no) => item.measures[no - 1]!.text)).split(' '));
      return { item, measureNos: f.nos.sort((a, b) => a - b), matchedWords: wordsOf.filter((w) => said.has(w)), industryMatched: f.industry, score: f.score };
    })
    .sort((a, b) => (a.item.category === b.item.category ? b.score - a.score || a.item.code.localeCompare(b.item.code) : a.item.category === 'prohibited' ? -1 : 1))
    .map(({ score: _score, ...match }) => match);
  const prohibited = matches.some((x) => x.item.category === 'prohibited');
  const [editionPublished] = await edition.publish(db, [inForce], now);
  return {
    asOf,
    activity: query.activity,
    edition: editionPublished!,
    listed: matches.length > 0,
    prohibited,
    conclusion: conclusion(matches.length, prohibited),
    matches,
  };
}

function conclusion(count: number, prohibited: boolean): string {
  if (prohibited) return '涉及禁止准入类事项：市场主体不得进入，行政机关不予审批、核准，不得办理有关手续。';
  if (count > 0) return '涉及许可准入类事项：由市场主体提出申请，行政机关依法依规作出是否予以准入的决定，或由市场主体依照政府规定的准入条件和准入方式合规进入。';
  return '不在清单内：非禁即入，各类市场主体可依法平等进入。';
}
