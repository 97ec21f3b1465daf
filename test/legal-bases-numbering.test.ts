import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_NO, articleLabel, articleOrdinal, chineseNumber, parseChineseNumber } from '../src/lib/article-no.js';
import { parseArticles } from '../src/demo/laws/parse.js';

describe('article numbers', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [39, '三十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1260, '一千二百六十'],
  ])('writes %i as %s, as statutes do (民法典 第一千二百六十条)', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
    expect(parseChineseNumber(text)).toBe(n);
  });

  it('reads back every number it writes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (n) => parseChineseNumber(chineseNumber(n)) === n));
  });

  it('labels and orders inserted articles (之一) right after the article they follow', () => {
    expect(articleLabel('39')).toBe('第三十九条');
    expect(articleLabel('39-1')).toBe('第三十九条之一');
    expect(['40', '39-1', '39', '39-2'].sort((a, b) => articleOrdinal(a) - articleOrdinal(b))).toEqual(['39', '39-1', '39-2', '40']);
  });

  it('accepts canonical numbers only', () => {
    expect(['1', '39', '39-1', '9999-99'].every((n) => ARTICLE_NO.test(n))).toBe(true);
    expect(['0', '039', '39-0', '39-', '-1', '10000', '三十九', ' 39'].some((n) => ARTICLE_NO.test(n))).toBe(false);
  });
});

describe('the demo excerpt parser', () => {
  it('splits an article into 款 and 项 and keeps its text verbatim', () => {
    const [a] = parseArticles('## 第二章　测试\n\n第九条 种类：\n\n（一）警告；\n\n（二）罚款。\n\n其他款。\n');
    expect(a).toEqual({
      no: '9',
      chapter: '第二章　测试',
      text: '种类：\n（一）警告；\n（二）罚款。\n其他款。',
      paragraphs: [
        { no: 1, text: '种类：', items: [{ no: 1, text: '警告；' }, { no: 2, text: '罚款。' }] },
        { no: 2, text: '其他款。' },
      ],
    });
    expect(parseArticles('第三十九条之一 插入。')[0]).toMatchObject({ no: '39-1', text: '插入。' });
  });
});
