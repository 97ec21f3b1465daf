import { legalArticles } from '../db/schema.js';
import { and, eq } from 'drizzle-orm';
import { createPenalties } from '../domain/penalties/create.js';
import { withdrawPenalty } from '../domain/penalties/lifecycle.js';
import { versionEtag } from '../domain/versioning.js';
import { decisionRules } from '../domain/decisions/rules.js';
import { completeCreditCode } from '../lib/credit-code.js';
import { INDIVIDUAL_BUSINESS_PLACEHOLDER, completeRegistrationNumber } from '../lib/party-codes.js';
import { completeResidentId } from '../lib/resident-id.js';
import { chinaDate } from '../lib/validity.js';
import { addMonths } from '../lib/publicity-period.js';
import { PenaltyCreate } from '../schemas/penalties.js';
import type { DemoContext } from './context.js';

const operator = { kind: 'admin' } as const;
const daysBefore = (date: string, n: number) => new Date(Date.parse(date) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Fictional 行政处罚 decisions (names, codes and ID numbers are made up, with valid check characters):
 * on time, migrated late (claimed publication date), a natural person (ID masked on the way in), an
 * individual business without a credit code, and one withdrawn — enough for the compliance report.
 */
export async function seedPenalties(ctx: DemoContext): Promise<void> {
  const city = ctx.agencies.get('city');
  const market = ctx.agencies.get('market');
  if (!city || !market) return;
  const today = chinaDate(ctx.now);
  const road = ctx.legalBases.get('road-transport-regulation');
  const [article] = road
    ? await ctx.db.select({ no: legalArticles.no }).from(legalArticles).where(and(eq(legalArticles.legalBasisId, road), eq(legalArticles.no, '63')))
    : [];
  const citations = road && article ? [{ legalBasisId: road, articleNo: '63' }] : [];
  const recent = daysBefore(today, 2);
  const older = daysBefore(today, 60);
  const base = { violationType: '未取得道路运输经营许可，擅自从事道路运输经营', basis: '《中华人民共和国道路运输条例》第六十三条', validUntil: addMonths(today, 12) };
  const items = [
    {
      ...base,
      agencyId: city,
      party: { name: '示例市某某物流有限公司', category: '01', creditCode: completeCreditCode('9144010100000001'), legalRepresentative: '赵示例' },
      decisionNumber: '示交罚〔2026〕101号',
      facts: '当事人未取得道路运输经营许可，使用自有货车从事道路货物运输经营，违法所得人民币3500元。',
      penaltyTypes: ['02', '03'],
      content: '没收违法所得人民币3500元，并处罚款人民币30000元。',
      fineAmount: '30000',
      confiscationAmount: '3500',
      decisionDate: recent,
      citations,
    },
    {
      ...base,
      agencyId: city,
      party: { name: '钱示例', category: '02', idType: '01', idNumber: completeResidentId('44010619850412003') },
      decisionNumber: '示交罚〔2026〕87号',
      facts: '当事人驾驶未取得营运证的车辆从事旅客运输经营。',
      penaltyTypes: ['02'],
      content: '罚款人民币10000元。',
      fineAmount: '10000',
      decisionDate: older,
      claimedPublishedAt: `${daysBefore(today, 25)}T09:00:00+08:00`,
      citations,
    },
    {
      agencyId: market,
      party: {
        name: '示例市某某小吃店',
        category: '03',
        creditCode: INDIVIDUAL_BUSINESS_PLACEHOLDER,
        registrationNumber: completeRegistrationNumber('44010160000123'),
        legalRepresentative: '孙示例',
      },
      decisionNumber: '示市监处罚〔2026〕45号',
      violationType: '经营超过保质期的食品',
      facts: '当事人经营超过保质期的预包装食品12件。',
      basis: '《中华人民共和国食品安全法》第一百二十四条',
      penaltyTypes: ['01', '02'],
      content: '警告，罚款人民币5000元。',
      fineAmount: '5000',
      decisionDate: recent,
      validUntil: recent,
      tags: ['互联网+执法'],
    },
  ].map((item) => PenaltyCreate.parse(item));
  const rules = decisionRules({ bodyLimitBytes: 0 });
  const rows = await createPenalties(ctx.db, operator, ctx.now, rules, items, (i) => `/demo/${i}`);
  // The individual business's decision was later revoked on review: it stays as a notice.
  const revoked = rows[2]!;
  await withdrawPenalty(ctx.db, operator, ctx.now, rules, revoked.id, versionEtag(revoked.version), {
    reasonCategory: 'revoked',
    explanation: '该处罚决定经行政复议被撤销，撤回公示信息。',
    eventDate: today,
  });
}
