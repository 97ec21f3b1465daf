import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from '../support/app.js';
import { addItem, createEditionDraft, currentCode, publishedEdition } from '../support/negative-list.js';

const t = useTestApp();

describe('concurrent publications of negative-list editions (PostgreSQL, several connections)', () => {
  it('lets one of four drafts racing to supersede the same edition win; the others get 409 and nothing of theirs changes', async () => {
    const { edition: current } = await publishedEdition(t);
    const drafts = [];
    for (let i = 0; i < 4; i++) {
      const draft = await createEditionDraft(t);
      await addItem(t, draft.id);
      drafts.push(draft);
    }
    const answers = await Promise.all(drafts.map((d) => t.post(`/v1/negative-list/editions/${d.code}/publish`, { supersedes: current.code }, admin)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = drafts[answers.findIndex((r) => r.status === 200)];
    expect(await currentCode(t)).toBe(winner.code);
    const statuses = await Promise.all(drafts.map(async (d) => (await t.request(`/v1/negative-list/editions/${d.code}`)).body));
    expect(statuses.filter((e) => e.status === 'draft').map((e) => e.version)).toEqual([1, 1, 1]);
    expect((await t.request('/v1/negative-list/editions?status=current')).body.items).toHaveLength(1);
  });
});
