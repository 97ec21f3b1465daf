import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../src/domain/negative-list/diff/edition-diff.js';
import { alignMeasures } from '../src/domain/negative-list/diff/measure-alignment.js';
import { similarity, textDiff } from '../src/domain/negative-list/diff/text-diff.js';
import type { DiffEdition, DiffMeasure } from '../src/domain/negative-list/diff/types.js';
import { EditionDiff } from '../src/schemas/negative-list/diff.js';
import { edition2022, edition2025, SECURITY_2022, SECURITY_2025 } from './support/negative-list-editions.js';

const diff = diffEditions(edition2022, edition2025);
const m = (text: string): DiffMeasure => ({ text, starred: false, local: null, authorities: [] });

describe('the diff of two realistic editions (2022 → 2025 shaped), known answers', () => {
  it('matches its published schema', () => {
    expect(EditionDiff.safeParse(diff).success).toBe(true);
  });

  it('counts items and measures', () => {
    expect(diff.counts).toEqual({ items: { added: 2, removed: 1, moved: 1, changed: 5, unchanged: 1 }, measures: { added: 2, removed: 3, reworded: 2, moved: 0 } });
  });

  it('lists the added and removed items with their places', () => {
    expect(diff.added.map((i) => [i.code, i.category, i.itemNo, i.measureCount])).toEqual([
      ['201006', 'permitted', 6, 1],
      ['201007', 'permitted', 7, 1],
    ]);
    expect(diff.removed.map((i) => [i.code, i.name])).toEqual([['201001', '未获得许可，不得从事公章刻制业务']]);
  });

  it('lists each changed item once, with what changed in it', () => {
    const byCode = Object.fromEntries(diff.changed.map((c) => [c.code, c]));
    expect(Object.keys(byCode)).toEqual(['100004', '201002', '201003', '201004', '201005']);
    expect(byCode['100004']!.measures.reworded.map((r) => [r.fromNo, r.toNo])).toEqual([[1, 1]]);
    expect(byCode['201003']!.measures.removed).toEqual([{ no: 2, text: '未获得许可，不得从事内河船舶设计' }]);
    expect(byCode['201004']!.measures.removed).toEqual([{ no: 2, text: '未获得许可，不得筹建药品批发零售企业' }]);
    expect(byCode['201005']).toMatchObject({ movedCategory: true, fromCategory: 'permitted', category: 'prohibited', fromItemNo: 5, itemNo: 7 });
    expect(byCode['201005']!.measures).toEqual({ added: [], removed: [], reworded: [], moved: [], marks: [] });
  });

  it('gives a rewording as a character-level diff', () => {
    const reworded = diff.changed.find((c) => c.code === '201002')!.measures.reworded[0]!;
    expect(reworded).toMatchObject({ from: SECURITY_2022, to: SECURITY_2025 });
    expect(reworded.segments).toEqual([
      { op: 'equal', text: '未' },
      { op: 'delete', text: '获得许可' },
      { op: 'insert', text: '经安全检测认证' },
      { op: 'equal', text: '，不得从事计算机信息系统安全专用产品的销售业务' },
    ]);
    const finance = diff.changed.find((c) => c.code === '100004')!.measures.reworded[0]!;
    expect(finance.segments.map((s) => s.op)).toEqual(['equal', 'insert', 'equal']);
    expect(finance.segments[1]!.text).toBe('“基金管理公司（注：指从事公募基金管理业务的基金管理公司）”');
  });

  it('writes a readable Chinese summary', () => {
    expect(diff.summary).toContain('事项：新增 2 项，删除 1 项，调整类别 1 项，修改 5 项，未变 1 项。');
    expect(diff.summary).toContain('措施：新增 2 条，删除 3 条，改写 2 条，调整顺序 0 条。');
    expect(diff.summary).toContain('- 201006 未获得许可，不得从事电子烟相关生产经营（许可准入类第6项，1 条措施）');
    expect(diff.summary).toContain('- 改写措施（原第1条 → 第1条）：未~~获得许可~~**经安全检测认证**，不得从事计算机信息系统安全专用产品的销售业务');
    expect(diff.summary).toContain('- 调整类别：许可准入类第5项 → 禁止准入类第7项');
  });
});

describe('measure alignment', () => {
  it('reports a measure out of its relative order as moved, not reworded', () => {
    const changes = alignMeasures([m('甲措施内容'), m('乙措施内容'), m('丙措施内容')], [m('丙措施内容'), m('甲措施内容'), m('乙措施内容')]);
    expect(changes).toMatchObject({ added: [], removed: [], reworded: [], moved: [{ fromNo: 3, toNo: 1, text: '丙措施内容' }] });
  });

  it('does not count measures shifted by an insertion as moved', () => {
    const changes = alignMeasures([m('甲措施内容'), m('乙措施内容')], [m('新增的措施全文'), m('甲措施内容'), m('乙措施内容')]);
    expect(changes).toMatchObject({ added: [{ no: 1, text: '新增的措施全文' }], removed: [], reworded: [], moved: [] });
  });

  it('pairs dissimilar texts as removed and added, not reworded', () => {
    const changes = alignMeasures([m('未获得许可，不得从事公章刻制业务')], [m('非公有资本不得从事新闻采编播发业务')]);
    expect(similarity('未获得许可，不得从事公章刻制业务', '非公有资本不得从事新闻采编播发业务')).toBeLessThan(0.5);
    expect(changes.reworded).toEqual([]);
    expect([changes.added.length, changes.removed.length]).toEqual([1, 1]);
  });

  it('reports changed marks of a paired measure: ★, local region, 主管部门', () => {
    const a = { text: '未获得许可，不得从事某项经营', starred: false, local: null, authorities: ['甲部门'] };
    const b = { ...a, starred: true, local: { regionCode: '440000', regionName: '广东省' }, authorities: ['乙部门'] };
    expect(alignMeasures([a], [b]).marks).toEqual([
      { fromNo: 1, toNo: 1, starred: { from: false, to: true }, localRegion: { from: null, to: '440000' }, authorities: { from: ['甲部门'], to: ['乙部门'] } },
    ]);
  });
});

const text = fc.string({ unit: fc.constantFrom(...'未获得许可不得从事经营电子烟食品药品，、“”（）★'), minLength: 1, maxLength: 40 });
const measureArb = fc.record({ text, starred: fc.boolean(), local: fc.constant(null), authorities: fc.array(fc.constantFrom('市场监管总局', '公安部'), { maxLength: 2 }) });
const editionArb = (code: string) =>
  fc.uniqueArray(fc.integer({ min: 100000, max: 100040 }), { maxLength: 12 }).chain((codes) =>
    fc.tuple(...codes.map(() => fc.tuple(fc.constantFrom('prohibited' as const, 'permitted' as const), text, fc.array(measureArb, { minLength: 1, maxLength: 4 })))).map(
      (items): DiffEdition => ({ code, title: code, items: items.map(([category, name, measures], i) => ({ code: String(codes[i]), category, itemNo: i + 1, name, measures })) }),
    ),
  );

describe('properties', () => {
  it('an edition against itself has nothing but unchanged items', () => {
    fc.assert(
      fc.property(editionArb('a'), (e) => {
        const d = diffEditions(e, e);
        expect(d.counts.items).toEqual({ added: 0, removed: 0, moved: 0, changed: 0, unchanged: e.items.length });
        expect(d.changed).toEqual([]);
      }),
    );
  });

  it('swapping the editions swaps what was added and removed', () => {
    fc.assert(
      fc.property(editionArb('a'), editionArb('b'), (a, b) => {
        const ab = diffEditions(a, b);
        const ba = diffEditions(b, a);
        expect(ab.added.map((i) => i.code)).toEqual(ba.removed.map((i) => i.code));
        expect(ab.counts.items.added).toBe(ba.counts.items.removed);
        expect(ab.counts.measures.added).toBe(ba.counts.measures.removed);
        expect(ab.counts.items.changed).toBe(ba.counts.items.changed);
      }),
    );
  });

  it('the segments of a text diff rebuild both texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const segments = textDiff(a, b);
        expect(segments.filter((s) => s.op !== 'insert').map((s) => s.text).join('')).toBe(a);
        expect(segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('')).toBe(b);
      }),
    );
  });

  it('every measure of both sides is accounted for exactly once', () => {
    fc.assert(
      fc.property(fc.array(measureArb, { maxLength: 6 }), fc.array(measureArb, { maxLength: 6 }), (from, to) => {
        const c = alignMeasures(from, to);
        const paired = to.length - c.added.length;
        expect(from.length - c.removed.length).toBe(paired);
        expect(c.reworded.length).toBeLessThanOrEqual(paired);
      }),
    );
  });
});
