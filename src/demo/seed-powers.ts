import { inArray } from 'drizzle-orm';
import { legalArticles } from '../db/schema.js';
import { createBenchmark } from '../domain/discretion.js';
import { createPower } from '../domain/powers.js';
import type { Principal } from '../domain/principal.js';
import type { CitationInput } from '../schemas/citations.js';
import { BenchmarkCreate } from '../schemas/discretion.js';
import { PowerCreate } from '../schemas/powers.js';
import type { DemoContext } from './context.js';
import { transportBureauPowers, unlicensedFreightBenchmark, UNLICENSED_OPERATION, type DemoCitation } from './powers/transport-bureau.js';

const operator: Principal = { kind: 'admin' };

/**
 * Resolves demo citations to legal-basis ids, keeping only articles that were actually seeded: when the
 * legal-bases seeder did not run (or quotes other articles), the items are seeded without those citations.
 */
async function resolver(ctx: DemoContext): Promise<(list: DemoCitation[]) => CitationInput[]> {
  const ids = [...ctx.legalBases.values()];
  const seeded = new Set(
    ids.length
      ? (await ctx.db.select({ id: legalArticles.legalBasisId, no: legalArticles.no }).from(legalArticles).where(inArray(legalArticles.legalBasisId, ids))).map(
          (a) => `${a.id}#${a.no}`,
        )
      : [],
  );
  return (list) =>
    list.flatMap(({ basis, ...citation }) => {
      const legalBasisId = ctx.legalBases.get(basis);
      return legalBasisId && seeded.has(`${legalBasisId}#${citation.articleNo}`) ? [{ legalBasisId, ...citation }] : [];
    });
}

/** The transport bureau's 权责清单 and one 裁量基准, validated like any API payload. */
export async function seedPowers(ctx: DemoContext): Promise<void> {
  const agencyId = ctx.agencies.get('city');
  if (!agencyId) return;
  const cite = await resolver(ctx);
  for (const { citations, ...fields } of transportBureauPowers) {
    const input = PowerCreate.parse({ ...fields, agencyId, citations: cite(citations) });
    const { row: power } = await createPower(ctx.db, operator, ctx.now, input);
    ctx.powers.set(power.code, power.id);
  }
  const { citations, ...benchmark } = unlicensedFreightBenchmark;
  const input = BenchmarkCreate.parse({ ...benchmark, citations: cite(citations) });
  await createBenchmark(ctx.db, operator, ctx.now, ctx.powers.get(UNLICENSED_OPERATION)!, input);
}
