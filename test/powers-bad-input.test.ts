import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { insertLegalFixtures, type LegalFixtures } from './support/legal-fixtures.js';
import { createPower, pointers, powerBody, writeState } from './support/powers.js';

const t = useTestApp();
const MISSING = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
let law: LegalFixtures;
let agencyId: string;
beforeAll(async () => {
  law = await insertLegalFixtures(t);
  agencyId = (await t.createAgency()).id;
});

describe('a power item with invalid fields is refused (400) and nothing is written', () => {
  it.each([
    ['unknown 职权类型 code', { type: '11' }, ['/type']],
    ['职权类型 given as a name', { type: '行政处罚' }, ['/type']],
    ['职权类型 given as a letter code', { type: 'CF' }, ['/type']],
    ['missing name and code', { name: undefined, code: undefined }, ['/code', '/name']],
    ['blank name', { name: '   ' }, ['/name']],
    ['code with spaces', { code: 'CF 001' }, ['/code']],
    ['code too long', { code: 'C'.repeat(65) }, ['/code']],
    ['extra unknown fields', { legalRepresentative: '张三', phone: '13800000000' }, ['/legalRepresentative', '/phone']],
    ['unknown field in a sub-item', { subItems: [{ code: 'S1', name: '子项', note: 'x' }] }, ['/subItems/0/note']],
    ['duplicate sub-item codes', { subItems: [{ code: 'S1', name: '甲' }, { code: 'S1', name: '乙' }] }, ['/subItems/1/code']],
    ['responsibilities not an array', { responsibilities: '立案' }, ['/responsibilities']],
    ['an empty responsibility', { responsibilities: ['立案', ''] }, ['/responsibilities/1']],
    ['reviewTransfer as text', { reviewTransfer: '是' }, ['/reviewTransfer']],
    ['unknown status', { status: 'deleted' }, ['/status']],
    ['malformed citation id', { citations: [{ legalBasisId: 'nope' }] }, ['/citations/0/legalBasisId']],
    ['malformed article number', { citations: [{ legalBasisId: MISSING, articleNo: '第三条' }] }, ['/citations/0/articleNo']],
    ['款 without an article', { citations: [{ legalBasisId: MISSING, paragraph: 2 }] }, ['/citations/0/articleNo']],
    ['unknown field in a citation', { citations: [{ legalBasisId: MISSING, articleNo: '3', title: '行政处罚法' }] }, ['/citations/0/title']],
    ['malformed agency id', { agencyId: 'x' }, ['/agencyId']],
  ])('%s', async (_label, fields, expected) => {
    const before = await writeState(t);
    const res = await t.post('/v1/powers', powerBody({ agencyId, ...fields }));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected);
    expect(res.body.errors.every((e: any) => e.in === 'body')).toBe(true);
    expect(await writeState(t)).toEqual(before);
  });
});

describe('a power item citing what does not exist is refused (422) and nothing is written', () => {
  it('names each missing article and each unknown legal basis', async () => {
    const before = await writeState(t);
    const res = await t.post(
      '/v1/powers',
      powerBody({
        agencyId,
        citations: [
          { legalBasisId: law.roadRegulation, articleNo: '63' },
          { legalBasisId: law.roadRegulation, articleNo: '999' },
          { legalBasisId: MISSING, articleNo: '1' },
          { legalBasisId: law.penaltyLaw, articleNo: '34-1' },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { in: 'body', pointer: '/citations/1/articleNo', detail: 'This legal basis has no such article.' },
      { in: 'body', pointer: '/citations/2/legalBasisId', detail: 'No legal basis has this id.' },
      { in: 'body', pointer: '/citations/3/articleNo', detail: 'This legal basis has no such article.' },
    ]);
    expect(await writeState(t)).toEqual(before);
  });
});

describe('duplicate 职权编码', () => {
  it('answers 409 naming /code when the agency already uses the code, and writes nothing', async () => {
    await createPower(t, { agencyId, code: 'DUP-0001', citations: [{ legalBasisId: law.penaltyLaw, articleNo: '39' }] });
    const before = await writeState(t);
    const res = await t.post('/v1/powers', powerBody({ agencyId, code: 'DUP-0001', name: '另一个事项', citations: [{ legalBasisId: law.penaltyLaw, articleNo: '34' }] }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, type: 'https://gongshi.dev/problems/conflict' });
    expect(res.body.errors).toEqual([{ in: 'body', pointer: '/code', detail: expect.any(String) }]);
    expect(await writeState(t)).toEqual(before);
  });
});

describe('malformed requests', () => {
  it('answers 400 to malformed JSON and 415 to another media type, writing nothing', async () => {
    const before = await writeState(t);
    const broken = await t.request('/v1/powers', { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: '{"code":' });
    expect(broken.status).toBe(400);
    const form = await t.request('/v1/powers', { method: 'POST', headers: { ...admin, 'Content-Type': 'text/plain' }, body: 'code=1' });
    expect(form.status).toBe(415);
    expect(await writeState(t)).toEqual(before);
  });

  it.each([
    ['/v1/powers?type=11', ['/type']],
    ['/v1/powers?type=CF', ['/type']],
    ['/v1/powers?regionCode=4401', ['/regionCode']],
    ['/v1/powers?agencyId=nope', ['/agencyId']],
    ['/v1/powers?legalBasisId=nope', ['/legalBasisId']],
    ['/v1/powers?reviewTransfer=yes', ['/reviewTransfer']],
    ['/v1/powers?status=deleted', ['/status']],
    ['/v1/powers?q=', ['/q']],
    [`/v1/powers?q=${'权'.repeat(101)}`, ['/q']],
    ['/v1/powers?q=a%00b', ['/q']],
    ['/v1/powers?cursor=abc', ['/cursor']],
    ['/v1/powers?q=%E9%81%93%E8%B7%AF&cursor=WyIwMTkzYTFiMi03YzRkLTdlNWYtOGE5Yi0wYzFkMmUzZjRhNWIiXQ', ['/cursor']],
    ['/v1/powers?limit=0', ['/limit']],
    ['/v1/powers?offset=20', ['/offset']],
  ])('GET %s answers 400 naming %j', async (path, expected) => {
    const res = await t.request(path);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected);
  });

  it('treats SQL and tsquery syntax in q as text', async () => {
    for (const q of ["' OR 1=1; --", 'zzz & | ! <-> :*', "\\'", '%_']) {
      const res = await t.request(`/v1/powers?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.items, q).toEqual([]);
    }
  });
});
