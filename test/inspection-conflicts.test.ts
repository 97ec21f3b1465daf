import { describe, expect, it } from 'vitest';
import { inspectionConflicts } from '../src/db/schema.js';
import { admin, useTestApp } from './support/app.js';
import { freshMobile } from './support/evasions.js';
import { created, enrolInspector, expectRefused, ifMatch, listedIds, sorted, validEntity } from './support/inspections.js';

const t = useTestApp();
const UNKNOWN = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const REASON = '近亲属在该企业任职';

/** Two sides: an inspector of one agency, an entity in another agency's directory, and a key for each. */
async function sides() {
  const [inspectorAgency, entityAgency] = [await t.createAgency(), await t.createAgency()];
  const inspector = await enrolInspector(t, inspectorAgency.id);
  const entity = await created(t, '/v1/inspection-entities', validEntity({ agencyId: entityAgency.id }));
  return { inspector, entity, inspectorKey: await t.keyFor(inspectorAgency.id), entityKey: await t.keyFor(entityAgency.id), inspectorAgency, entityAgency };
}

const declaration = (inspectorId: string, entityId: string, declaredBy: 'inspector' | 'entity', fields: Record<string, unknown> = {}) => ({
  inspectorId,
  entityId,
  declaredBy,
  reason: REASON,
  ...fields,
});
const declare = (body: Record<string, unknown>, headers: Record<string, string>) => () => t.post('/v1/inspection-conflicts', body, headers);

describe('either side declares', () => {
  it("the inspector's agency with declaredBy inspector, the entity's directory agency with declaredBy entity; the declaring agency owns it", async () => {
    const s = await sides();
    const byInspector = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey);
    expect(byInspector).toMatchObject({ version: 1, status: 'active', agencyId: s.inspectorAgency.id, declaredBy: 'inspector', reason: REASON });
    const other = await created(t, '/v1/inspection-entities', validEntity({ agencyId: s.entityAgency.id }));
    const byEntity = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, other.id, 'entity', { reason: undefined }), s.entityKey);
    expect(byEntity).toMatchObject({ agencyId: s.entityAgency.id, declaredBy: 'entity', entityId: other.id, reason: null });
  });

  it('is refused (403) to a third agency on either side, writing nothing', async () => {
    const s = await sides();
    const third = await t.keyFor((await t.createAgency()).id);
    await expectRefused(t, inspectionConflicts, declare(declaration(s.inspector.id, s.entity.id, 'inspector'), third), 403);
    await expectRefused(t, inspectionConflicts, declare(declaration(s.inspector.id, s.entity.id, 'entity'), third), 403);
  });

  it('is refused (403) to an agency claiming the side that is not its own', async () => {
    const s = await sides();
    await expectRefused(t, inspectionConflicts, declare(declaration(s.inspector.id, s.entity.id, 'inspector'), s.entityKey), 403);
    await expectRefused(t, inspectionConflicts, declare(declaration(s.inspector.id, s.entity.id, 'entity'), s.inspectorKey), 403);
  });

  it('lets the operator declare for either side, the record belonging to that side', async () => {
    const s = await sides();
    const conflict = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'entity'));
    expect(conflict.agencyId).toBe(s.entityAgency.id);
  });

  it.each([
    ['an unknown inspector', 'inspector', ['/inspectorId']],
    ['an unknown entity', 'entity', ['/entityId']],
  ])('answers 422 for %s, naming it', async (_what, unknown, expected) => {
    const s = await sides();
    const body = declaration(unknown === 'inspector' ? UNKNOWN : s.inspector.id, unknown === 'entity' ? UNKNOWN : s.entity.id, 'inspector');
    await expectRefused(t, inspectionConflicts, declare(body, admin), 422, expected);
  });

  it.each([
    ['a mobile number in the reason', { reason: `电话${freshMobile()}的亲属在该企业任职` }, ['/reason']],
    ['an unknown side', { declaredBy: 'agency' }, ['/declaredBy']],
    ['an unknown status', { status: 'pending' }, ['/status']],
    ['a field naming the person', { relativeName: '张三' }, ['/relativeName']],
  ])('answers 400 for %s, writing nothing', async (_what, fields, expected) => {
    const s = await sides();
    await expectRefused(t, inspectionConflicts, declare(declaration(s.inspector.id, s.entity.id, 'inspector', fields), s.inspectorKey), 400, expected);
  });
});

describe('one active declaration per pair', () => {
  it('answers 409 for a second one (from either side), and allows it again after withdrawal', async () => {
    const s = await sides();
    const first = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey);
    await expectRefused(t, inspectionConflicts, declare(declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey), 409, ['/entityId']);
    await expectRefused(t, inspectionConflicts, declare(declaration(s.inspector.id, s.entity.id, 'entity'), s.entityKey), 409, ['/entityId']);
    const withdrawn = await t.patch(`/v1/inspection-conflicts/${first.id}`, { status: 'withdrawn' }, ifMatch('"v1"', s.inspectorKey));
    expect(withdrawn.body).toMatchObject({ version: 2, status: 'withdrawn' });
    const second = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'entity'), s.entityKey);
    expect(second.id).not.toBe(first.id);
    await expectRefused(t, inspectionConflicts, () => t.patch(`/v1/inspection-conflicts/${first.id}`, { status: 'active' }, ifMatch('"v2"', s.inspectorKey)), 409, ['/entityId']);
  });
});

describe('PATCH /v1/inspection-conflicts/{id}', () => {
  it('changes the reason or the status only, each a new version', async () => {
    const s = await sides();
    const conflict = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey);
    const reasoned = await t.patch(`/v1/inspection-conflicts/${conflict.id}`, { reason: '曾在该企业任职' }, ifMatch('"v1"', s.inspectorKey));
    expect(reasoned.body).toMatchObject({ version: 2, reason: '曾在该企业任职', inspectorId: s.inspector.id, entityId: s.entity.id });
    const cleared = await t.patch(`/v1/inspection-conflicts/${conflict.id}`, { reason: null }, ifMatch('"v2"', s.inspectorKey));
    expect(cleared.body).toMatchObject({ version: 3, reason: null });
    const revisions = (await t.request(`/v1/inspection-conflicts/${conflict.id}/revisions`)).body.items;
    expect(revisions.map((r: any) => r.data.reason)).toEqual([REASON, '曾在该企业任职', null]);
  });

  it.each([
    ['inspectorId', { inspectorId: UNKNOWN }],
    ['entityId', { entityId: UNKNOWN }],
    ['declaredBy', { declaredBy: 'entity' }],
    ['agencyId', { agencyId: UNKNOWN }],
  ])('refuses %s (400 naming it): the pair and its sides never change', async (field, patch) => {
    const s = await sides();
    const conflict = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey);
    await expectRefused(t, inspectionConflicts, () => t.patch(`/v1/inspection-conflicts/${conflict.id}`, patch, ifMatch('"v1"', s.inspectorKey)), 400, [`/${field}`]);
  });

  it('refuses a mobile number in the reason (400 /reason) and keeps version 1', async () => {
    const s = await sides();
    const conflict = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey);
    await expectRefused(t, inspectionConflicts, () => t.patch(`/v1/inspection-conflicts/${conflict.id}`, { reason: `联系${freshMobile()}` }, ifMatch('"v1"', s.inspectorKey)), 400, ['/reason']);
    expect((await t.request(`/v1/inspection-conflicts/${conflict.id}`)).body).toEqual(conflict);
  });

  it('is refused (403) to the other side: only the declaring agency changes its declaration', async () => {
    const s = await sides();
    const conflict = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey);
    await expectRefused(t, inspectionConflicts, () => t.patch(`/v1/inspection-conflicts/${conflict.id}`, { status: 'withdrawn' }, ifMatch('"v1"', s.entityKey)), 403);
  });
});

describe('GET /v1/inspection-conflicts', () => {
  it('filters by inspector, entity, declaring agency and status', async () => {
    const s = await sides();
    const other = await created(t, '/v1/inspection-entities', validEntity({ agencyId: s.entityAgency.id }));
    const a = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, s.entity.id, 'inspector'), s.inspectorKey);
    const b = await created(t, '/v1/inspection-conflicts', declaration(s.inspector.id, other.id, 'entity'), s.entityKey);
    await t.patch(`/v1/inspection-conflicts/${b.id}`, { status: 'withdrawn' }, ifMatch('"v1"', s.entityKey));
    expect(sorted(await listedIds(t, `/v1/inspection-conflicts?inspectorId=${s.inspector.id}`))).toEqual(sorted([a.id, b.id]));
    expect(await listedIds(t, `/v1/inspection-conflicts?entityId=${other.id}`)).toEqual([b.id]);
    expect(await listedIds(t, `/v1/inspection-conflicts?agencyId=${s.inspectorAgency.id}`)).toEqual([a.id]);
    expect(await listedIds(t, `/v1/inspection-conflicts?agencyId=${s.entityAgency.id}`)).toEqual([b.id]);
    expect(await listedIds(t, `/v1/inspection-conflicts?inspectorId=${s.inspector.id}&status=active`)).toEqual([a.id]);
    expect(await listedIds(t, `/v1/inspection-conflicts?inspectorId=${s.inspector.id}&status=withdrawn`)).toEqual([b.id]);
  });
});
