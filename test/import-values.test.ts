import { describe, expect, it } from 'vitest';
import { CellError, fineFromText, idType, licenceCategory, licenceState, parseDate, parseWan, partyCategory, penaltyTypes } from '../src/import/values.js';

describe('parseDate', () => {
  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.15', '2024-03-15'],
    ['20240315', '2024-03-15'],
    ['2024年3月15日', '2024-03-15'],
    ['2024-03-15 00:00:00', '2024-03-15'],
    ['45366', '2024-03-15'], // Excel serial
    ['2024-02-29', '2024-02-29'],
  ])('%s -> %s', (cell, iso) => expect(parseDate(cell)).toBe(iso));

  it.each(['2023-02-29', '2024-13-01', '2024/4/31', '15/03/2024', '长期', '2024-3'])('refuses %s', (cell) => {
    expect(() => parseDate(cell)).toThrow(CellError);
  });
});

describe('amounts in 万元', () => {
  it('converts exactly to yuan', () => {
    expect(parseWan('0.2')).toBe('2000.00');
    expect(parseWan('1.234567')).toBe('12345.67');
    expect(parseWan('0.000001')).toBe('0.01');
    expect(parseWan('12345678')).toBe('123456780000.00');
  });
  it.each([['0.1234567', /more than 6 decimals/], ['-1', /negative/], ['1e3', /exponent/], ['1,000', /separators/]])('refuses %s', (cell, message) => {
    expect(() => parseWan(cell)).toThrow(message);
  });
  it('reads a legacy fine only from one unambiguous statement', () => {
    expect(fineFromText('警告，罚款人民币2000元。')).toBe('2000.00');
    expect(fineFromText('罚款0.5万元')).toBe('5000.00');
    expect(fineFromText('罚款2000元，再罚款300元')).toBeUndefined();
    expect(fineFromText('处以罚款贰仟元')).toBeUndefined();
  });
});

describe('code lists', () => {
  it('party categories by name or code', () => {
    expect(['法人及非法人组织', '自然人', '个体工商户', '03', '法人或其他组织'].map(partyCategory)).toEqual(['01', '02', '03', '03', '01']);
    expect(() => partyCategory('公司')).toThrow('Unknown 行政相对人类别 "公司"');
  });
  it('证件类型 names, codes and free text 其他-', () => {
    expect(['身份证', '护照号', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '05'].map(idType)).toEqual(['01', '02', '02', '03', '04', '05', '05']);
    expect(idType('其他-军官证')).toBe('其他-军官证');
    expect(idType('其他：军官证')).toBe('其他-军官证');
    expect(() => idType('其他')).toThrow(/其他-<证件名称>/);
    expect(() => idType('驾照')).toThrow('Unknown 证件类型 "驾照"');
  });
  it('处罚类别: several names with any separator, variants, codes, each once', () => {
    expect(penaltyTypes('警告、罚款', '处罚类别')).toEqual(['01', '02']);
    expect(penaltyTypes('警告；罚款;没收违法所得,没收非法财物，通报批评/责令关闭 限制从业', 'c')).toEqual(['01', '02', '03', '09', '08', '14', '13']);
    expect(penaltyTypes('暂扣许可证件、吊销许可证、暂扣许可证', 'c')).toEqual(['11', '05']);
    expect(penaltyTypes('限制开展经营活动', 'c')).toEqual(['12']);
    expect(penaltyTypes('限制开展生产经营活动', 'c')).toEqual(['12']);
    expect(penaltyTypes('法律、行政法规规定的其他行政处罚、警告', 'c')).toEqual(['07', '01']);
    expect(penaltyTypes('2；14', 'c')).toEqual(['02', '14']);
    expect(() => penaltyTypes('警告、罚金', '处罚类别')).toThrow('Unknown 处罚类别 "罚金" in 处罚类别');
  });
  it('许可类别 and 当前状态', () => {
    expect(licenceCategory('核准')).toEqual({ category: '04' });
    expect(licenceCategory('其他-备案')).toEqual({ category: '06', categoryDetail: '备案' });
    expect(licenceCategory('其他（备案）')).toEqual({ category: '06', categoryDetail: '备案' });
    expect(licenceCategory('其他')).toEqual({ category: '06' });
    expect(() => licenceCategory('特殊')).toThrow('Unknown 许可类别');
    expect(['有效', '正常', '无效', '撤销', '注销'].map(licenceState)).toEqual(['valid', 'valid', 'invalid', 'invalid', 'invalid']);
    expect(() => licenceState('暂停')).toThrow(CellError);
  });
});
