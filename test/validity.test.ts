import { describe, expect, it } from 'vitest';
import { chinaDate, validityOn } from '../src/lib/validity.js';

// 行政处罚法: 2021 revision promulgated 2021-01-22, in force 2021-07-15; the 2017 text it amended.
const law2017 = { effectiveOn: '2018-01-01', repealedOn: null, amendedOn: '2021-07-15' };
const law2021 = { effectiveOn: '2021-07-15', repealedOn: null, amendedOn: null };

describe('validityOn', () => {
  it.each([
    [law2021, '2021-07-14', '尚未生效'],
    [law2021, '2021-07-15', '现行有效'],
    [law2017, '2021-07-14', '现行有效'],
    [law2017, '2021-07-15', '已修改'],
    [{ effectiveOn: '2010-01-01', repealedOn: '2020-01-01', amendedOn: null }, '2019-12-31', '现行有效'],
    [{ effectiveOn: '2010-01-01', repealedOn: '2020-01-01', amendedOn: null }, '2020-01-01', '已废止'],
    [{ effectiveOn: '2010-01-01', repealedOn: '2020-01-01', amendedOn: '2015-01-01' }, '2021-01-01', '已废止'],
  ] as const)('%j on %s is %s', (dates, on, expected) => {
    expect(validityOn(dates, on)).toBe(expected);
  });
});

describe('chinaDate', () => {
  it('uses Beijing time: 16:00Z is already the next day in China', () => {
    expect(chinaDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(chinaDate(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
  });
});
