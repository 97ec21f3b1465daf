import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PENALTY_HEADERS } from '../src/export/national-csv.js';
import { admin, useTestApp } from './support/app.js';
import { ADULT_ID, personParty, uniqueDecisionNumber, validPenalty } from './support/penalties.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });

/** The raw answer (bytes, so the BOM is seen) after the spec check of t.request. */
async function csv(query: string) {
  const checked = await t.request(`/v1/penalties.csv${query}`);
  expect(checked.status, String(checked.body)).toBe(200);
  const res = await t.app.request(`/v1/penalties.csv${query}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { res, bytes, text, rows: parse(text.slice(1), { relax_column_count: false }) as string[][] };
}

async function batch(agencyId: string, items: Record<string, unknown>[]) {
  const res = await t.post('/v1/penalties/batch', { items: items.map((i) => ({ ...i, agencyId })) }, admin);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
  return res.body.items as { id: string; decisionNumber: string }[];
}

const TRICKY = '当事人销售"临期"食品, 货值50元;\n已召回。=SUM(A1)';

describe('GET /v1/penalties.csv', () => {
  it('answers a UTF-8 CSV with BOM, national headers in order, 万元 amounts, masked IDs and RFC 4180 quoting', async () => {
    const agency = await t.createAgency({ name: '导出测试局' });
    await batch(agency.id, [
      validPenalty({ fineAmount: '2000', penaltyTypes: ['01', '02'], content: '警告，罚款2000元。' }),
      validPenalty({ party: personParty(), facts: TRICKY, fineAmount: '12345.67' }),
    ]);
    const { res, bytes, rows, text } = await csv(`?agencyId=${agency.id}`);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="penalties.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    expect(rows[0]).toEqual([...PENALTY_HEADERS]);
    expect(rows).toHaveLength(3);
    const col = (name: string) => PENALTY_HEADERS.indexOf(name as (typeof PENALTY_HEADERS)[number]);
    const byFacts = (facts: string) => rows.slice(1).find((r) => r[col('违法事实')] === facts)!;
    const company = rows.slice(1).find((r) => r[col('行政相对人类别')] === '法人及非法人组织')!;
    expect(company[col('罚款金额(万元)')]).toBe('0.200000');
    expect(company[col('处罚类别')]).toBe('警告；罚款');
    expect(company[col('处罚机关')]).toBe('导出测试局');
    const person = byFacts(TRICKY); // commas, quotes and a line break survive the round trip
    expect(person[col('罚款金额(万元)')]).toBe('1.234567');
    expect(person[col('证件号码')]).toBe(ADULT_ID.slice(0, 6) + '********' + ADULT_ID.slice(-4));
    expect(person[col('证件类型')]).toBe('身份证');
    expect(text).not.toContain(ADULT_ID);
  });

  it('exports only decisions on display, with the list filters', async () => {
    const a = await t.createAgency({ regionCode: '440100' });
    const b = await t.createAgency({ regionCode: '310101' });
    const [early, late, gone] = await batch(a.id, [
      validPenalty({ decisionDate: '2026-10-09', validUntil: '2027-10-09' }),
      validPenalty({ decisionDate: '2026-11-20' }),
      validPenalty({ decisionDate: '2026-11-20' }),
    ]);
    const [other] = await batch(b.id, [validPenalty()]);
    const withdrawn = await t.request(`/v1/penalties/${gone!.id}/withdrawal`, {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json', 'If-Match': '"v1"' },
      body: JSON.stringify({ reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-25' }),
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const numbers = async (q: string) => (await csv(q)).rows.slice(1).map((r) => r[PENALTY_HEADERS.indexOf('行政处罚决定书文号')]).sort();
    expect(await numbers(`?agencyId=${a.id}`)).toEqual([early!.decisionNumber, late!.decisionNumber].sort());
    expect(await numbers(`?agencyId=${a.id}&decidedFrom=2026-11-01`)).toEqual([late!.decisionNumber]);
    expect(await numbers(`?agencyId=${a.id}&decidedTo=2026-10-31`)).toEqual([early!.decisionNumber]);
    expect(await numbers(`?regionCode=310101`)).toContain(other!.decisionNumber);
    expect(await numbers(`?regionCode=310101`)).not.toContain(late!.decisionNumber);
  });

  it('refuses bad filters as problem+json naming the parameter', async () => {
    const res = await t.request('/v1/penalties.csv?decidedFrom=2026-12-01&decidedTo=2026-11-01&cursor=x');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/cursor', '/decidedTo']);
    const order = await t.request('/v1/penalties.csv?decidedFrom=2026-12-01&decidedTo=2026-11-01');
    expect(order.body.errors).toEqual([{ in: 'query', pointer: '/decidedTo', detail: 'decidedTo is before decidedFrom.' }]);
  });

  it('streams more than one page (1,000 rows) completely, each decision once', async () => {
    const agency = await t.createAgency();
    const make = (n: number) => Array.from({ length: n }, () => validPenalty({ decisionNumber: uniqueDecisionNumber('导出') }));
    const created = [...(await batch(agency.id, make(1000))), ...(await batch(agency.id, make(5)))];
    const { rows } = await csv(`?agencyId=${agency.id}`);
    const numbers = rows.slice(1).map((r) => r[PENALTY_HEADERS.indexOf('行政处罚决定书文号')]);
    expect(numbers).toHaveLength(1005);
    expect(new Set(numbers)).toEqual(new Set(created.map((c) => c.decisionNumber)));
  }, 120_000);

  it('is in the OpenAPI document with a text/csv response', async () => {
    const spec = (await t.request('/openapi.json')).body;
    expect(spec.paths['/v1/penalties.csv'].get.responses['200'].content).toEqual({ 'text/csv': { schema: { type: 'string' } } });
    expect(spec.paths['/v1/licences.csv'].get.operationId).toBe('exportLicencesCsv');
  });
});
