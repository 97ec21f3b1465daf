/**
 * A task's draw in three public steps. Commit freezes the pools and the task's parameters and publishes
 * SHA-256(secret); other agencies (and the operator) may add random contributions until the window closes.
 * Reveal checks the secret against the commitment, adds the platform's own contribution last (unknown to every
 * contributor, so none can steer the outcome even knowing the secret) and runs the published algorithm over the
 * frozen inputs; the result is stored and never changes. A voided draw stays published with its reason.
 */
import { and, asc, desc, eq, max, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { drawContributions, inspectionDraws, inspectionResults, inspectionTasks } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { chinaDate } from '../../lib/validity.js';
import { createHash } from 'node:crypto';
import { assertActsFor, PUBLIC, type Actor, type Principal } from '../principal.js';
import { appendChanges, type ChangeEventName } from '../records.js';
import { readPools, freezePools, type Pools } from './draw-pools.js';
import { assertSecret, computeDraw, digestFeasible, DRAW_ALGORITHM, randomHex32, type DrawParameters } from './draw-engine.js';

export type DrawRow = typeof inspectionDraws.$inferSelect;

/** The record kind of a draw: each step is a version with its revision and feed event. */
export const inspectionDraw = { type: 'inspection_draw', name: 'Inspection draw', table: inspectionDraws } as const;
type ContributionRow = typeof drawContributions.$inferSelect;

export interface CommitInput {
  commitment: string;
  contributionMinutes?: number | undefined;
}

const notDrawn = (taskId: string) => problems.notFound(`A draw of inspection task ${taskId}`);

async function lockTask(tx: Db, taskId: string) {
  const [task] = await tx.select().from(inspectionTasks).where(eq(inspectionTasks.id, taskId)).for('update');
  if (!task) throw problems.notFound(`Inspection task ${taskId}`);
  return task;
}

/** The draw that is not voided, locked; 404 or 409 when there is none in the state the step needs. */
async function lockLiveDraw(tx: Db, taskId: string): Promise<DrawRow> {
  const [draw] = await tx
    .select()
    .from(inspectionDraws)
    .where(and(eq(inspectionDraws.taskId, taskId), ne(inspectionDraws.status, 'voided')))
    .for('update');
  if (draw) return draw;
  const [any] = await tx.select({ id: inspectionDraws.id }).from(inspectionDraws).where(eq(inspectionDraws.taskId, taskId)).limit(1);
  if (!any) throw notDrawn(taskId);
  throw problems.conflict('The task’s draw was voided; commit a new draw first.');
}

async function contributionsOf(db: Db, drawId: string): Promise<ContributionRow[]> {
  return db.select().from(drawContributions).where(eq(drawContributions.drawId, drawId)).orderBy(asc(drawContributions.seq));
}

/** The draw as published; with `pools`, the frozen pools inline (what a verifier needs). */
function publishDraw(draw: DrawRow, contributions: ContributionRow[], pools?: Pools) {
  const digests = { entities: { count: draw.entityCount, sha256: draw.entityHash }, inspectors: { count: draw.inspectorCount, sha256: draw.inspectorHash }, conflicts: { count: draw.conflictCount, sha256: draw.conflictHash } };
  return {
    id: draw.id,
    version: draw.version,
    taskId: draw.taskId,
    taskVersion: draw.taskVersion,
    attempt: draw.attempt,
    algorithm: draw.algorithm,
    status: draw.status as 'committed' | 'revealed' | 'voided',
    committedAt: draw.createdAt.toISOString(),
    committedBy: draw.agencyId,
    parameters: draw.parameters,
    pools: pools
      ? { entities: { ...digests.entities, items: pools.entities }, inspectors: { ...digests.inspectors, items: pools.inspectors }, conflicts: { ...digests.conflicts, items: pools.conflicts } }
      : digests,
    commitment: draw.commitment,
    contributionsCloseAt: draw.contributionsCloseAt.toISOString(),
    contributions: contributions.map((c) => ({ seq: c.seq, value: c.value, by: c.by as 'platform' | 'agency' | 'operator' | 'public', agencyId: c.agencyId, at: c.at.toISOString() })),
    secret: draw.secret,
    seed: draw.seed,
    revealedAt: draw.revealedAt?.toISOString() ?? null,
    result: draw.result,
    voided: draw.voidedAt ? { reason: draw.voidReason!, at: draw.voidedAt.toISOString() } : null,
  };
}

/** Appends a contribution as the next in sequence (the draw row is locked, so sequence numbers cannot race). */
async function addContribution(tx: Db, drawId: string, contribution: Omit<ContributionRow, 'drawId' | 'seq'>) {
  const [last] = await tx.select({ seq: max(drawContributions.seq) }).from(drawContributions).where(eq(drawContributions.drawId, drawId));
  await tx.insert(drawContributions).values({ ...contribution, drawId, seq: (last?.seq ?? 0) + 1 });
}

/** Writes the draw's new state as a version, with its revision and feed event. */
async function recordStep(tx: Db, principal: Actor, now: Date, draw: DrawRow, event: ChangeEventName, reason?: string) {
  const published = publishDraw(draw, await contributionsOf(tx, draw.id));
  await appendChanges(tx, principal, now, [{ type: inspectionDraw.type, id: draw.id, version: draw.version, event, agencyId: draw.agencyId, data: published, reason: reason ?? null }]);
  return { draw, published };
}

export async function commitDraw(db: Db, principal: Principal, now: Date, taskId: string, input: CommitInput) {
  return db.transaction(async (tx) => {
    const task = await lockTask(tx, taskId);
    assertActsFor(principal, task.agencyId, 'publish');
    if (task.status !== 'active') throw problems.conflict('The task is cancelled; it cannot be drawn.');
    const [live] = await tx.select({ status: inspectionDraws.status }).from(inspectionDraws).where(and(eq(inspectionDraws.taskId, taskId), ne(inspectionDraws.status, 'voided')));
    if (live) throw problems.conflict(`The task already has a ${live.status} draw: a draw cannot be repeated (void it first, with a public reason).`);
    const [last] = await tx.select({ attempt: max(inspectionDraws.attempt) }).from(inspectionDraws).where(eq(inspectionDraws.taskId, taskId));
    const parameters: DrawParameters = { inspectorsPerEntity: task.inspectorsPerEntity, sample: task.sample };
    const taskVersion = task.version;
    const id = newId();
    const closeAt = new Date(now.getTime() + (input.contributionMinutes ?? 60) * 60_000);
    // Placeholder digests until the pools are frozen and hashed, in this same transaction.
    await tx.insert(inspectionDraws).values({
      id, version: 1, status: 'committed', createdAt: now, updatedAt: now, taskId, attempt: (last?.attempt ?? 0) + 1, agencyId: task.agencyId, algorithm: DRAW_ALGORITHM,
      taskVersion, parameters, entityCount: 0, entityHash: '', inspectorCount: 0, inspectorHash: '', conflictCount: 0, conflictHash: '',
      commitment: input.commitment, contributionsCloseAt: closeAt,
    });
    const d = digestFeasible(await freezePools(tx, id, task, chinaDate(now)), parameters);
    const [draw] = await tx
      .update(inspectionDraws)
      .set({ entityCount: d.entities.count, entityHash: d.entities.sha256, inspectorCount: d.inspectors.count, inspectorHash: d.inspectors.sha256, conflictCount: d.conflicts.count, conflictHash: d.conflicts.sha256 })
      .where(eq(inspectionDraws.id, id))
      .returning();
    return recordStep(tx, principal, now, draw!, 'committed');
  });
}

/** Who contributes: a key or the operator, or anyone without a key, known only by a hash of its address. */
export type Contributor = Principal | { kind: 'public'; client: string };

/** The public's share of a draw: at most this many contributions without a key, one per client address. */
export const PUBLIC_CONTRIBUTIONS = 16;

async function assertPublicRoom(tx: Db, drawId: string, clientHash: string): Promise<void> {
  const rows = await tx.select({ clientHash: drawContributions.clientHash }).from(drawContributions).where(and(eq(drawContributions.drawId, drawId), eq(drawContributions.by, 'public')));
  if (rows.some((r) => r.clientHash === clientHash)) throw problems.conflict('This address has already contributed to this draw.');
  if (rows.length >= PUBLIC_CONTRIBUTIONS) throw problems.conflict(`The public's ${PUBLIC_CONTRIBUTIONS} contributions to this draw are in; agencies and the operator may still add theirs.`);
}

export async function contribute(db: Db, contributor: Contributor, now: Date, taskId: string, value: string) {
  return db.transaction(async (tx) => {
    const draw = await lockLiveDraw(tx, taskId);
    if (contributor.kind === 'key' && contributor.agencyId === draw.agencyId) {
      throw problems.forbidden('The drawing agency cannot contribute to its own draw: contributions come from others.');
    }
    if (draw.status !== 'committed' || now >= draw.contributionsCloseAt) {
      throw problems.conflict(`Contributions closed at ${draw.contributionsCloseAt.toISOString()}.`, [{ in: 'body', pointer: '/value', detail: 'The contribution window is over.' }]);
    }
    const byKey = contributor.kind === 'key' ? contributor : null;
    // No address is stored: a hash salted with the draw tells a repeat apart and links nothing across draws.
    const clientHash = contributor.kind === 'public' ? createHash('sha256').update(`${draw.id}\n${contributor.client}`).digest('hex') : null;
    if (clientHash) await assertPublicRoom(tx, draw.id, clientHash);
    await addContribution(tx, draw.id, { value, by: byKey ? 'agency' : contributor.kind === 'public' ? 'public' : 'operator', agencyId: byKey?.agencyId ?? null, keyId: byKey?.keyId ?? null, clientHash, at: now });
    const [next] = await tx.update(inspectionDraws).set({ version: draw.version + 1, updatedAt: now }).where(eq(inspectionDraws.id, draw.id)).returning();
    return recordStep(tx, contributor.kind === 'public' ? PUBLIC : contributor, now, next!, 'contributed');
  });
}

export async function reveal(db: Db, principal: Principal, now: Date, taskId: string, secret: string) {
  return db.transaction(async (tx) => {
    const draw = await lockLiveDraw(tx, taskId);
    assertActsFor(principal, draw.agencyId, 'publish');
    if (draw.status === 'revealed') throw problems.conflict('The draw is already revealed: its result never changes.');
    if (now < draw.contributionsCloseAt) throw problems.conflict(`Contributions are open until ${draw.contributionsCloseAt.toISOString()}; reveal after that.`);
    assertSecret(secret, draw.commitment);
    // The platform's contribution comes last, at the reveal: no contributor can know it when choosing its own.
    await addContribution(tx, draw.id, { value: randomHex32(), by: 'platform', agencyId: null, keyId: null, clientHash: null, at: now });
    const contributions = await contributionsOf(tx, draw.id);
    const outcome = computeDraw(draw.taskId, draw.parameters, await readPools(tx, draw.id), secret, contributions.map((c) => c.value));
    const [next] = await tx
      .update(inspectionDraws)
      .set({ status: 'revealed', secret, seed: outcome.seed, result: outcome.result, revealedAt: now, version: draw.version + 1, updatedAt: now })
      .where(eq(inspectionDraws.id, draw.id))
      .returning();
    return recordStep(tx, principal, now, next!, 'revealed');
  });
}

export async function voidDraw(db: Db, principal: Principal, now: Date, taskId: string, reason: string) {
  return db.transaction(async (tx) => {
    const draw = await lockLiveDraw(tx, taskId);
    assertActsFor(principal, draw.agencyId, 'publish');
    const [result] = await tx.select({ id: inspectionResults.id }).from(inspectionResults).where(eq(inspectionResults.drawId, draw.id)).limit(1);
    if (result) throw problems.conflict('Results are already published for this draw; it cannot be voided.');
    const [next] = await tx
      .update(inspectionDraws)
      .set({ status: 'voided', voidReason: reason, voidedAt: now, version: draw.version + 1, updatedAt: now })
      .where(eq(inspectionDraws.id, draw.id))
      .returning();
    return recordStep(tx, principal, now, next!, 'voided', reason);
  });
}

/** The latest draw of a task, or the given attempt. */
export async function getDraw(db: Db, taskId: string, attempt?: number): Promise<DrawRow> {
  const [draw] = await db
    .select()
    .from(inspectionDraws)
    .where(and(eq(inspectionDraws.taskId, taskId), attempt ? eq(inspectionDraws.attempt, attempt) : undefined))
    .orderBy(desc(inspectionDraws.attempt))
    .limit(1);
  if (!draw) throw notDrawn(taskId);
  return draw;
}

export async function readPublishedDraw(db: Db, draw: DrawRow, withPools: boolean) {
  return publishDraw(draw, await contributionsOf(db, draw.id), withPools ? await readPools(db, draw.id) : undefined);
}

/** One draw by its own id (its revisions are addressed this way), or 404. */
export async function drawById(db: Db, id: string): Promise<DrawRow> {
  const [draw] = await db.select().from(inspectionDraws).where(eq(inspectionDraws.id, id));
  if (!draw) throw problems.notFound(`${inspectionDraw.name} ${id}`);
  return draw;
}
