import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LICENCE_HEADERS } from '../src/export/national-csv.js';
import { admin, useTestApp } from './support/app.js';
import { validLicence } from './support/licences.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });

describe('GET /v1/licences.csv', () => {
  it('exports the licences on display in the national 行政许可 column order, with 许可类别 and 当前状态 as national names', async () => {
    const agency = await t.createAgency({ name: '许可导出测试局' });
    const created = await t.post('/v1/licences/batch', {
      items: [validLicence({ agencyId: agency.id }), validLicence({ agencyId: agency.id, category: '06', categoryDetail: '备案', state: 'invalid' })],
    }, admin);
    expect(created.status, JSON.stringify(created.body).slice(0, 400)).toBe(201);
    const checked = await t.request(`/v1/licences.csv?agencyId=${agency.id}`);
    expect(checked.status).toBe(200);
    const res = await t.app.request(`/v1/licences.csv?agencyId=${agency.id}`);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="licences.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows[0]).toEqual([...LICENCE_HEADERS]);
    const col = (name: string) => LICENCE_HEADERS.indexOf(name as (typeof LICENCE_HEADERS)[number]);
    const cells = rows.slice(1).map((r) => [r[col('许可类别')], r[col('当前状态')], r[col('许可机关')]]).sort();
    expect(cells).toEqual([['其他-备案', '无效', '许可导出测试局'], ['普通', '有效', '许可导出测试局']]);
    const empty = await t.request(`/v1/licences.csv?agencyId=${(await t.createAgency()).id}`);
    expect(parse(String(empty.body))).toHaveLength(1); // the header alone
  });
});
