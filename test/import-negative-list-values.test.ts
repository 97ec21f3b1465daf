/** The cell conversions of the negative-list import, as the official table and agencies' copies of it spell them. */
import { describe, expect, it } from 'vitest';
import { authoritiesCell, categoryCell, itemNoCell, localCell, regionNamed, sectionOf, starOf } from '../src/import/negative-list-values.js';
import { CellError } from '../src/import/values.js';

describe('negative-list cells', () => {
  it('takes ★ off either end of a measure and marks it, leaving a ★ inside the text alone', () => {
    expect(starOf('★非金融机构不得使用“金融”字样')).toEqual({ text: '非金融机构不得使用“金融”字样', starred: true });
    expect(starOf(' 未获得许可，不得从事某经营 ★ ')).toEqual({ text: '未获得许可，不得从事某经营', starred: true });
    expect(starOf('标注★的措施')).toEqual({ text: '标注★的措施', starred: false });
    expect(starOf('★')).toEqual({ text: '', starred: true });
  });

  it('splits 主管部门 on 、，,;； and line breaks, each once', () => {
    expect(authoritiesCell('市场监管总局、人民银行，金融监管总局,证监会;商务部；发展改革委\n公安部、人民银行')).toEqual(['市场监管总局', '人民银行', '金融监管总局', '证监会', '商务部', '发展改革委', '公安部']);
  });

  it('reads section headings, category cells and item numbers as printed', () => {
    expect(sectionOf({ a: '一、禁止准入类' })).toBe('prohibited');
    expect(sectionOf({ a: '（二）许可准入类', b: '（二）许可准入类' })).toBe('permitted');
    expect(sectionOf({ a: '二、许可准入类', b: '200001' })).toBeUndefined();
    expect(sectionOf({ a: '禁止准入类事项说明' })).toBeUndefined();
    expect(['禁止准入类', '禁止', '禁止类', '许可准入类', '许可'].map(categoryCell)).toEqual(['prohibited', 'prohibited', 'prohibited', 'permitted', 'permitted']);
    expect(() => categoryCell('限制类')).toThrow(CellError);
    expect(['4', '4.', '4、', '（4）', '(12)'].map(itemNoCell)).toEqual([4, 4, 4, 4, 12]);
    for (const bad of ['0', '四', '1000', '1-2']) expect(() => itemNoCell(bad)).toThrow(CellError);
  });

  it('places a local measure in its province: named, by code, or from --local-region or the text when the cell says only 是', () => {
    const gd = { regionCode: '440000', regionName: '广东省' };
    expect(localCell('广东省', '', undefined)).toEqual(gd);
    expect(localCell('广东', '', undefined)).toEqual(gd);
    expect(localCell('440000', '', undefined)).toEqual(gd);
    expect(localCell('内蒙古', '', undefined)).toEqual({ regionCode: '150000', regionName: '内蒙古自治区' });
    expect(localCell('是', '在海南省从事某经营', undefined)).toEqual({ regionCode: '460000', regionName: '海南省' });
    expect(localCell('是', '在海南省从事某经营', regionNamed('广东'))).toEqual(gd);
    expect(() => localCell('是', '在北京市、天津市从事某经营', undefined)).toThrow(/names none \(or several\)/);
    expect(() => localCell('深圳市', '', undefined)).toThrow(/not a province/);
    expect(regionNamed('新疆维吾尔自治区')).toEqual({ regionCode: '650000', regionName: '新疆维吾尔自治区' });
  });
});
