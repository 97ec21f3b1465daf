import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { phraseQuery, searchText, words } from '../src/lib/segment.js';

describe('Chinese segmentation for search', () => {
  it('splits a sentence of the 道路运输条例 into words', () => {
    expect(words('从事道路运输经营以及道路运输相关业务的，应当依照本条例的规定。')).toEqual(
      expect.arrayContaining(['道路', '运输', '经营', '条例']),
    );
  });

  it('drops punctuation and lower-cases Latin text (NFKC folds full-width letters)', () => {
    expect(searchText('《ＡＢＣ》，Road！')).toBe('abc road');
  });

  it('builds a phrase tsquery of quoted lexemes', () => {
    expect(phraseQuery('道路运输')).toBe("'道路' <-> '运输'");
    expect(phraseQuery('，。！')).toBe('');
  });

  it("never lets user text act as tsquery syntax: quotes and backslashes are escaped inside lexemes", () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        const query = phraseQuery(q);
        if (query === '') return;
        for (const lexeme of query.split(' <-> ')) expect(lexeme).toMatch(/^'(?:[^'\\]|''|\\\\)*'$/);
      }),
    );
  });

  it('searchText segments part by part exactly as it would segment the parts joined by line breaks, repeated or not', () => {
    const fixed = ['示例市鑫隆粮油商行有限公司', '销售不符合食品安全标准的食品', '《中华人民共和国食品安全法》第一百二十四条', 'ＡＢＣ道路运输 Co.', '第11522号', ''];
    const text = fc.oneof(fc.constantFrom(...fixed), fc.string({ unit: fc.constantFrom(...'道路运输经营食品安全第号〔〕１２3aＡ 　\t，。'.split('')), maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (parts) => {
        const once = searchText(...parts);
        expect(once).toBe(words(parts.filter(Boolean).join('\n')).join(' '));
        expect(searchText(...parts)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
