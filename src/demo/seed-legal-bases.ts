import { createLegalBasis } from '../domain/legal-bases.js';
import { LegalBasisCreate } from '../schemas/legal-bases.js';
import type { DemoContext } from './context.js';
import { administrativePenaltyLaw } from './laws/administrative-penalty-law.js';
import { parseArticles } from './laws/parse.js';
import { roadTransportRegulation } from './laws/road-transport-regulation.js';

/**
 * Real national texts in force, with the articles the demo's power items, officers and procedures cite.
 * Other seeders find them in ctx.legalBases by these keys.
 */
const texts = [
  { key: 'administrative-penalty-law', law: administrativePenaltyLaw },
  { key: 'road-transport-regulation', law: roadTransportRegulation },
];

export async function seedLegalBases(ctx: DemoContext): Promise<void> {
  for (const { key, law } of texts) {
    const { excerpt, ...fields } = law;
    // Validated like any payload, so the demo data meets the same rules as the API's.
    const input = LegalBasisCreate.parse({ ...fields, articles: parseArticles(excerpt) });
    const { row } = await createLegalBasis(ctx.db, { kind: 'admin' }, ctx.now, input);
    ctx.legalBases.set(key, row.id);
  }
}
