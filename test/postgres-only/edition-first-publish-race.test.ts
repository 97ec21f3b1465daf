import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from '../support/app.js';
import { addItem, createEditionDraft, currentCode } from '../support/negative-list.js';

// A file of its own: its database has no edition yet, so nothing is current and no row lock orders the racers.
const t = useTestApp();

describe('the first publication of a negative-list edition, raced (PostgreSQL)', () => {
  it('lets one of three drafts become current; the unique index turns the others into 409s', async () => {
    expect(await currentCode(t)).toBeUndefined();
    const drafts = [];
    for (let i = 0; i < 3; i++) {
      const draft = await createEditionDraft(t);
      await addItem(t, draft.id);
      drafts.push(draft);
    }
    const answers = await Promise.all(drafts.map((d) => t.post(`/v1/negative-list/editions/${d.code}/publish`, {}, admin)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await t.request('/v1/negative-list/editions?status=current')).body.items).toHaveLength(1);
  });
});
