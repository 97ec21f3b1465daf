import { describe, expect, it } from 'vitest';
import { importIntoDatabase } from '../src/import/submit.js';
import { uniqueCreditCode, useTestApp } from './support/app.js';
import { AGENCY } from './fixtures/import/data.js';

const t = useTestApp({ now: () => new Date('2024-03-20T02:00:00Z') });
const fixture = (name: string) => new URL(`./fixtures/import/${name}`, import.meta.url).pathname;

describe('importing the XLSX and GBK fixtures into the database', () => {
  it('publishes the XLSX rows; the GBK CSV of the same decisions decodes to the same numbers (all duplicates)', async () => {
    const agency = await t.createAgency({ name: '示例市市场监督管理局', creditCode: AGENCY });
    const opts = { agencyId: agency.id as string, kind: 'penalties' as const, now: () => new Date('2024-03-20T02:00:00Z') };
    const xlsx = await importIntoDatabase(t.db, { ...opts, file: fixture('penalties-current.xlsx') });
    expect(xlsx).toMatchObject({ total: 10, imported: 3, rejectedRows: 7 });
    const list = await t.request(`/v1/penalties?agencyId=${agency.id}`);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.find((i: { decisionNumber: string }) => i.decisionNumber === '示市监处罚〔2024〕1号')).toMatchObject({
      party: { name: '示例市某某贸易有限公司' },
      fineAmount: '2000.00',
      decisionDate: '2024-03-15',
      validUntil: '2025-03-15',
    });

    const gbk = await importIntoDatabase(t.db, { ...opts, file: fixture('penalties-gbk.csv') });
    expect(gbk).toMatchObject({ total: 3, imported: 0, rejectedRows: 3 });
    expect(gbk.rejected.map((r) => [r.rowNumber, r.column])).toEqual([[2, '行政处罚决定书文号'], [3, '行政处罚决定书文号'], [4, '行政处罚决定书文号']]);
  });

  it('imports licences: valid rows published, the rest reported, a re-run all duplicates', async () => {
    const agency = await t.createAgency({ name: '示例市市场监督管理局(许可)', creditCode: uniqueCreditCode() });
    const opts = { agencyId: agency.id as string, agencyCreditCode: AGENCY, kind: 'licences' as const, file: fixture('licences.xlsx'), now: () => new Date('2024-03-20T02:00:00Z') };
    const first = await importIntoDatabase(t.db, opts);
    expect(first).toMatchObject({ total: 5, imported: 2, rejectedRows: 3 });
    const list = await t.request(`/v1/licences?agencyId=${agency.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { decisionNumber: string }) => i.decisionNumber).sort()).toEqual(['示市监许〔2024〕1号', '示市监许〔2024〕2号']);
    const again = await importIntoDatabase(t.db, opts);
    expect(again).toMatchObject({ imported: 0, rejectedRows: 5 });
    expect(again.rejected.filter((r) => r.reason.includes('already published')).map((r) => r.rowNumber)).toEqual([2, 3]);
  });
});
