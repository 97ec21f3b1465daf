import { createOfficer } from '../domain/officers.js';
import { OfficerCreate } from '../schemas/officers.js';
import type { DemoContext } from './context.js';

/*
 * Demo 执法人员 of the city bureau, its entrusted brigade and the market-regulation bureau (whose officers are
 * enrolled as 双随机 inspectors by seed-inspections.ts). Names and certificate numbers are obviously
 * fictional (示例/测试/样例 names, numbers prefixed 示例-); nothing here describes a real person. One
 * certificate has expired by date and one is revoked, so lists and the validOn filter show both cases.
 */
const officers: { agency: 'city' | 'brigade' | 'market'; fields: Omit<OfficerCreate, 'agencyId'> }[] = [
  {
    agency: 'city',
    fields: { name: '张示例', certificateNo: '示例-44010000001', domains: ['道路运输', '水路运输'], area: '示例市全域', validFrom: '2023-07-01', validTo: '2028-06-30' },
  },
  {
    agency: 'city',
    fields: { name: '李测试', certificateNo: '示例-44010000002', domains: ['道路运输'], area: '示例市全域', validFrom: '2023-07-01', validTo: '2028-06-30' },
  },
  {
    agency: 'city',
    // Expired by date: still listed (status active), but no validOn after 2024-12-31 finds it.
    fields: { name: '王样例', certificateNo: '示例-44010000003', domains: ['水路运输'], area: '示例市全域', validFrom: '2019-01-01', validTo: '2024-12-31' },
  },
  {
    agency: 'brigade',
    fields: { name: '赵演示', certificateNo: '示例-44010300001', domains: ['道路运输'], area: '示例市示例区', validFrom: '2024-01-01', validTo: '2026-12-31' },
  },
  {
    agency: 'brigade',
    fields: { name: '陈虚构', certificateNo: '示例-44010300002', domains: ['道路运输', '城市客运'], area: '示例市示例区', validFrom: '2024-01-01', validTo: '2026-12-31' },
  },
  {
    agency: 'brigade',
    // Revoked (注销): its number is free for a new certificate.
    fields: { name: '刘假名', certificateNo: '示例-44010300003', domains: ['道路运输'], area: '示例市示例区', validFrom: '2022-01-01', validTo: '2027-12-31', status: 'revoked' },
  },
  ...['周示例', '吴测试', '郑样例', '冯演示', '褚虚构', '卫假名', '蒋示例', '沈测试'].map((name, i) => ({
    agency: 'market' as const,
    fields: { name, certificateNo: `示例-4401000010${i + 1}`, domains: ['市场监管', '食品安全'], area: '示例市全域', validFrom: '2024-01-01', validTo: '2029-12-31' },
  })),
];

export async function seedOfficers(ctx: DemoContext): Promise<void> {
  for (const { agency, fields } of officers) {
    const agencyId = ctx.agencies.get(agency);
    if (!agencyId) continue;
    // Validated like any payload, so the demo data meets the API's own rules.
    const input = OfficerCreate.parse({ ...fields, agencyId });
    await createOfficer(ctx.db, { kind: 'admin' }, ctx.now, input);
  }
}
