import { createEdition } from '../domain/negative-list/editions.js';
import { createItem } from '../domain/negative-list/items.js';
import { publishEdition } from '../domain/negative-list/publish-edition.js';
import type { Principal } from '../domain/principal.js';
import { EditionCreate } from '../schemas/negative-list/editions.js';
import { ItemCreate } from '../schemas/negative-list/items.js';
import type { DemoContext } from './context.js';
import { NEGATIVE_LIST_EDITIONS as editions } from './negative-list-editions.js';

// The editions and items: src/demo/negative-list-editions.ts.

const operator: Principal = { kind: 'admin' };

/** Both editions as drafts, validated like any API payload, then published in order: 2025 supersedes 2022. */
export async function seedNegativeList(ctx: DemoContext): Promise<void> {
  let current: string | undefined;
  for (const [i, { edition, items }] of editions.entries()) {
    // The older edition is published a day earlier, so its publication precedes its successor's in the feed.
    const at = new Date(ctx.now.getTime() - (editions.length - 1 - i) * 86_400_000);
    const { row } = await createEdition(ctx.db, operator, at, EditionCreate.parse(edition));
    for (const item of items) await createItem(ctx.db, operator, at, ItemCreate.parse({ ...item, editionId: row.id }));
    await publishEdition(ctx.db, operator, at, row.code, current ? { supersedes: current } : {});
    current = row.code;
  }
}
