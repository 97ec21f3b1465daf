/**
 * verifyDraw recomputes a published draw from its JSON alone, and finds every kind of tampering: the result,
 * a pool (an id added, removed or changed, even with its hash recomputed), the contributions (swapped,
 * replaced, renumbered, late), the secret, the parameters, the task and the algorithm version.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DrawInput } from '../src/draw/algorithm.js';
import { DrawError } from '../src/draw/draw-error.js';
import { DrawVerification, PublishedDraw } from '../src/draw/published.js';
import { commitmentOf } from '../src/draw/seed.js';
import { verifyDraw } from '../src/draw/verify.js';
import { entityPool, hex32, inspectorPool, publishedDraw } from './support/draw.js';
import { type JsonNode, topProperties, untitled } from './support/schema-titles.js';

const entities = entityPool(30);
const inspectors = inspectorPool(4);
const input: DrawInput = {
  taskId: '0197a000-0000-7000-8000-000000000004',
  pools: { entities, inspectors, conflicts: [{ inspectorId: inspectors[0]!.id, entityId: entities[0]!.id }, { inspectorId: inspectors[1]!.id, entityId: entities[5]!.id }] },
  parameters: { inspectorsPerEntity: 2, sample: { mode: 'strata', strata: { A: { basisPoints: 5000 }, D: { count: 2 } } } },
  secret: hex32('verify secret'),
  contributions: [hex32('c1'), hex32('c2'), hex32('c3')],
};

/** A fresh copy of the genuine draw, as a reader would parse it. */
const genuine = (): PublishedDraw => PublishedDraw.parse(JSON.parse(JSON.stringify(publishedDraw(input))));

/** The names of the failing checks after `tamper` edits a copy of the genuine draw. */
function failing(tamper: (draw: PublishedDraw) => void): string[] {
  const draw = genuine();
  tamper(draw);
  const report = verifyDraw(PublishedDraw.parse(draw));
  expect(report.match).toBe(false);
  return report.checks.filter((c) => !c.ok).map((c) => c.name);
}

const entityItems = (d: PublishedDraw) => d.pools.entities.items!;

describe('verifyDraw', () => {
  it('matches a genuine draw, check by check', () => {
    const report = DrawVerification.parse(verifyDraw(genuine()));
    expect(report.checks.map((c) => c.name)).toEqual(['algorithm', 'pools.entities', 'pools.inspectors', 'pools.conflicts', 'contributions', 'timeline', 'commitment', 'seed', 'result']);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.match).toBe(true);
    expect(genuine().result!.selections.length).toBe(5); // 50 % of the 6 of class A, and 2 of D
  });

  it('finds a tampered result: an entity, an inspector, the order, the overShare', () => {
    const other = entities.find((e) => !genuine().result!.selections.some((s) => s.entityId === e.id))!;
    expect(failing((d) => (d.result!.selections[1]!.entityId = other.id))).toEqual(['result']);
    expect(failing((d) => (d.result!.selections[0]!.inspectorIds = [...d.result!.selections[0]!.inspectorIds].reverse()))).toEqual(['result']);
    expect(failing((d) => d.result!.selections.reverse())).toEqual(['result']);
    expect(failing((d) => d.result!.selections.pop())).toEqual(['result']);
    expect(failing((d) => d.result!.overShare.push(inspectors[2]!.id))).toEqual(['result']);
  });

  it('finds a tampered pool: an id added, removed or changed', () => {
    expect(failing((d) => entityItems(d).push({ id: '0197ffff-0000-7000-8000-000000000000', stratum: 'A' }))).toEqual(['pools.entities', 'seed', 'result']);
    expect(failing((d) => entityItems(d).splice(3, 1))).toEqual(['pools.entities', 'seed', 'result']);
    expect(failing((d) => (entityItems(d)[4]!.stratum = 'D'))).toEqual(['pools.entities', 'seed', 'result']);
    expect(failing((d) => d.pools.inspectors.items!.pop())).toEqual(['pools.inspectors', 'seed', 'result']);
    expect(failing((d) => d.pools.conflicts.items!.pop())).toEqual(['pools.conflicts', 'seed', 'result']);
  });

  it('finds a changed pool even when its published hash and count were recomputed to fit', () => {
    const names = failing((d) => {
      const refrozen = publishedDraw({ ...input, pools: { ...input.pools, entities: entities.filter((_, i) => i !== 2) } });
      d.pools.entities = refrozen.pools.entities;
    });
    expect(names).toEqual(['seed', 'result']);
  });

  it('finds swapped, replaced, renumbered and late contributions, and takes them in seq order', () => {
    const values = (d: PublishedDraw) => d.contributions.map((c) => c.value);
    expect(failing((d) => ([d.contributions[0]!.value, d.contributions[2]!.value] = [values(d)[2]!, values(d)[0]!]))).toEqual(['seed', 'result']);
    expect(failing((d) => (d.contributions[1]!.value = hex32('another')))).toEqual(['seed', 'result']);
    expect(failing((d) => d.contributions.pop())).toEqual(['seed', 'result']);
    expect(failing((d) => (d.contributions[2]!.seq = 4))).toEqual(['contributions']);
    expect(failing((d) => (d.contributions[2]!.at = '2026-03-03T09:00:01+08:00'))).toEqual(['timeline']);
    expect(failing((d) => (d.revealedAt = '2026-03-03T08:59:59+08:00'))).toEqual(['timeline']);
    // The list's order is not the sequence: the same contributions listed differently still match.
    const reordered = genuine();
    reordered.contributions.reverse();
    expect(verifyDraw(reordered).match).toBe(true);
  });

  it('finds a wrong secret, even with a commitment made to fit it', () => {
    expect(failing((d) => (d.secret = hex32('guessed')))).toEqual(['commitment', 'seed', 'result']);
    expect(
      failing((d) => {
        d.secret = hex32('guessed');
        d.commitment = commitmentOf(d.secret);
      }),
    ).toEqual(['seed', 'result']);
  });

  it('finds changed parameters, task, seed and algorithm version', () => {
    expect(failing((d) => (d.parameters = { ...d.parameters, inspectorsPerEntity: 3 }))).toEqual(['seed', 'result']);
    expect(failing((d) => (d.taskId = '0197a000-0000-7000-8000-000000000005'))).toEqual(['seed', 'result']);
    expect(failing((d) => (d.seed = hex32('seed')))).toEqual(['seed']);
    expect(failing((d) => (d.algorithm = 'gongshi-draw/2'))).toEqual(['algorithm', 'seed', 'result']);
  });

  it('refuses what cannot be verified: a draw not revealed, pools left out', () => {
    const code = (draw: PublishedDraw) => {
      try {
        verifyDraw(draw);
      } catch (err) {
        if (err instanceof DrawError) return err.code;
        throw err;
      }
      return null;
    };
    const committed = { ...genuine(), status: 'committed' as const, secret: null, seed: null, revealedAt: null, result: null };
    expect(code(committed)).toBe('not-revealed');
    const summary = genuine();
    delete summary.pools.entities.items;
    expect(code(summary)).toBe('pools-missing');
  });
});

describe('PublishedDraw (InspectionDraw in the OpenAPI document)', () => {
  it('gives every property a Chinese title', () => {
    const json = z.toJSONSchema(PublishedDraw, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as JsonNode;
    expect(untitled(json)).toEqual([]);
    expect(Object.keys(topProperties(json, 'InspectionDraw'))).toHaveLength(19);
  });

  it('refuses a draw whose values are malformed, naming the field', () => {
    const draw = { ...genuine(), seed: 'ABC', contributions: [{ ...genuine().contributions[0]!, seq: 0 }] };
    const parsed = PublishedDraw.safeParse(draw);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('/')).sort()).toEqual(['contributions/0/seq', 'seed']);
  });
});
