import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { pointers } from './support/officers.js';
import { procedureState, validProcedure } from './support/procedures.js';

const t = useTestApp();
const path = (agencyId: string, type = '') => `/v1/agencies/${agencyId}/procedures${type ? '/' + type : ''}`;
const step = { name: '立案' };

/** Invalid procedure fields: [what, fields merged into a valid body, pointers the problem must name]. */
const invalidFields: [string, Record<string, unknown>, string[]][] = [
  ['an unknown power type', { powerType: '11' }, ['/powerType']],
  ['a power type as a number', { powerType: 2 }, ['/powerType']],
  ['a power type by name', { powerType: '行政处罚' }, ['/powerType']],
  ['no steps', { steps: [] }, ['/steps']],
  ['51 steps', { steps: Array.from({ length: 51 }, () => step) }, ['/steps']],
  ['a step without a name', { steps: [step, { description: '无名' }] }, ['/steps/1/name']],
  ['a step name of 101 characters', { steps: [{ name: '环'.repeat(101) }] }, ['/steps/0/name']],
  ['a time limit in weeks', { steps: [{ name: '决定', timeLimit: { value: 2, unit: '周' } }] }, ['/steps/0/timeLimit/unit']],
  ['a time limit of 0', { steps: [{ name: '决定', timeLimit: { value: 0, unit: '工作日' } }] }, ['/steps/0/timeLimit/value']],
  ['a fractional time limit', { steps: [{ name: '决定', timeLimit: { value: 1.5, unit: '工作日' } }] }, ['/steps/0/timeLimit/value']],
  ['an unknown field in a step', { steps: [{ name: '决定', officer: '张示例' }] }, ['/steps/0/officer']],
  ['no reconsideration', { reconsideration: undefined }, ['/reconsideration']],
  ['a reconsideration deadline as a string', { reconsideration: { body: '示例市人民政府', deadlineDays: '60' } }, ['/reconsideration/deadlineDays']],
  ['a reconsideration without a body', { reconsideration: { deadlineDays: 60 } }, ['/reconsideration/body']],
  ['a litigation deadline of 0 months', { litigation: { court: '示例市示例区人民法院', deadlineMonths: 0 } }, ['/litigation/deadlineMonths']],
  ['a complaint URL with javascript:', { complaint: { channel: '信箱', url: 'javascript:alert(1)' } }, ['/complaint/url']],
  ['a complaint phone with letters', { complaint: { channel: '热线', phone: 'call us' } }, ['/complaint/phone']],
  ['a service guide of 20001 characters', { serviceGuide: '指'.repeat(20001) }, ['/serviceGuide']],
  ['an unknown status', { status: 'deleted' }, ['/status']],
  ['record metadata and an unknown field', { id: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', agencyId: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b' }, ['/agencyId', '/id']],
];

describe('bad input to POST /v1/agencies/{id}/procedures', () => {
  it.each(invalidFields)('answers 400 for %s, naming each field, and writes nothing', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    const before = await procedureState(t);
    const res = await t.post(path(agency.id), validProcedure(fields));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
    expect(await procedureState(t)).toEqual(before);
  });

  it.each(['powerType', 'serviceGuide', 'steps', 'reconsideration', 'litigation', 'complaint'])('answers 400 naming the missing field %s', async (field) => {
    const agency = await t.createAgency();
    const body = validProcedure();
    delete body[field];
    const res = await t.post(path(agency.id), body);
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual([`body /${field}`]);
  });
});

describe('bad input to PATCH /v1/agencies/{id}/procedures/{powerType}', () => {
  const invalidPatches: [string, Record<string, unknown>, string[]][] = [
    ['a power type (the path names it)', { powerType: '01' }, ['/powerType']],
    ['no steps', { steps: [] }, ['/steps']],
    ['null for a required object', { reconsideration: null }, ['/reconsideration']],
    ['null for the service guide', { serviceGuide: null }, ['/serviceGuide']],
    ['an empty 复议机关', { reconsideration: { body: '' } }, ['/reconsideration/body']],
    ['null for the court', { litigation: { court: null } }, ['/litigation/court']],
    ['an unknown member', { complaint: { email: 'x@example.com' } }, ['/complaint/email']],
    ['a negative deadline', { litigation: { deadlineMonths: -6 } }, ['/litigation/deadlineMonths']],
  ];

  it.each(invalidPatches)('answers 400 for %s, and the procedure keeps version 1', async (_what, patch, expected) => {
    const agency = await t.createAgency();
    const created = (await t.post(path(agency.id), validProcedure())).body;
    const before = await procedureState(t);
    const res = await t.patch(path(agency.id, '02'), patch, { ...admin, 'If-Match': '"v1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
    expect(await procedureState(t)).toEqual(before);
    expect((await t.request(path(agency.id, '02'))).body).toEqual(created);
  });
});
