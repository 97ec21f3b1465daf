import { describe, expect, it } from 'vitest';
import type { DiffEdition } from '../src/domain/negative-list/diff/types.js';
import { useTestApp } from './support/app.js';
import { addItem, createEditionDraft, publishedEdition } from './support/negative-list.js';
import { edition2022, edition2025 } from './support/negative-list-editions.js';

const t = useTestApp();

const itemsOf = (e: DiffEdition) => e.items.map((i) => ({ ...i, measures: i.measures.map((m) => ({ ...m, local: m.local ?? undefined })) }));

/** The 2022-shaped edition published, and the 2025-shaped one as a draft against it. */
async function editions() {
  const { edition: older } = await publishedEdition(t, itemsOf(edition2022));
  const draft = await createEditionDraft(t);
  for (const item of itemsOf(edition2025)) await addItem(t, draft.id, item);
  return { older, draft };
}

describe('GET /v1/negative-list/diff', () => {
  it('compares a draft with the current edition: known counts, items and a rewording', async () => {
    const { older, draft } = await editions();
    const res = await t.request(`/v1/negative-list/diff?from=${older.code}&to=${draft.code}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.from).toEqual({ code: older.code, title: older.title });
    expect(res.body.counts).toEqual({ items: { added: 2, removed: 1, moved: 1, changed: 5, unchanged: 1 }, measures: { added: 2, removed: 3, reworded: 2, moved: 0 } });
    expect(res.body.added.map((i: { code: string }) => i.code)).toEqual(['201006', '201007']);
    expect(res.body.removed.map((i: { code: string }) => i.code)).toEqual(['201001']);
    // Categories by name: the added and removed items', and a moved item's both.
    expect(res.body.added[0]).toMatchObject({ category: 'permitted', categoryName: '许可准入类' });
    const moved = res.body.changed.filter((c: { movedCategory: boolean }) => c.movedCategory);
    expect(moved).toHaveLength(1);
    expect(moved[0].categoryName).not.toBe(moved[0].fromCategoryName);
    expect([moved[0].categoryName, moved[0].fromCategoryName].sort()).toEqual(['禁止准入类', '许可准入类'].sort());
    const security = res.body.changed.find((c: { code: string }) => c.code === '201002');
    expect(security.measures.reworded[0].segments).toEqual([
      { op: 'equal', text: '未' },
      { op: 'delete', text: '获得许可' },
      { op: 'insert', text: '经安全检测认证' },
      { op: 'equal', text: '，不得从事计算机信息系统安全专用产品的销售业务' },
    ]);
    expect(res.body.summary).toContain('事项：新增 2 项，删除 1 项，调整类别 1 项，修改 5 项，未变 1 项。');
  });

  it('serves the summary as text/markdown, and reads editions by id as well as by code', async () => {
    const { older, draft } = await editions();
    const res = await t.request(`/v1/negative-list/diff.md?from=${older.id}&to=${draft.code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/markdown/);
    expect(res.body).toContain('## 删除事项（1）');
    expect(res.body).toContain('- 201001 未获得许可，不得从事公章刻制业务（许可准入类第1项，1 条措施）');
  });

  it('answers an unknown edition with 422 naming the parameter', async () => {
    const { older } = await editions();
    for (const [query, pointer] of [
      [`from=no-such&to=${older.code}`, '/from'],
      [`from=${older.code}&to=no-such`, '/to'],
    ] as const) {
      const res = await t.request(`/v1/negative-list/diff?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer })]);
    }
    expect((await t.request('/v1/negative-list/diff?from=2022')).status).toBe(400);
  });
});
