/**
 * src/draw/ reproduces every test vector of docs/draw-algorithm.md#vectors, which a second implementation
 * (docs/draw-algorithm/reference.py, Python) produced from the specification alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM, freezePools, runDraw } from '../src/draw/algorithm.js';
import { DrawError } from '../src/draw/draw-error.js';
import { canonicalParameters, commitmentOf } from '../src/draw/seed.js';
import { sampleCounts } from '../src/draw/select.js';
import { DrawStream } from '../src/draw/stream.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/draw-vectors.json', import.meta.url), 'utf8'));
const vectors: any[] = fixture.vectors;
const drawn = vectors.filter((v) => !v.expected.error);
const refused = vectors.filter((v) => v.expected.error);

describe('draw test vectors', () => {
  it('are for this algorithm version, and cover the cases the specification lists', () => {
    expect(fixture.algorithm).toBe(DRAW_ALGORITHM);
    expect(drawn.map((v) => v.name)).toEqual(
      expect.arrayContaining(['count', 'ratio', 'strata', 'conflicts', 'contributions', 'whole-pool', 'pool-of-one']),
    );
    expect(refused.length).toBeGreaterThanOrEqual(3);
    // The conflicts vector really forces recusal past the fair share, and the strata one draws in several strata.
    expect(drawn.find((v) => v.name === 'conflicts').expected.result.overShare.length).toBeGreaterThan(0);
    expect(new Set(drawn.find((v) => v.name === 'strata').expected.result.selections.map((s: any) => s.stratum)).size).toBeGreaterThan(2);
  });

  it.each(drawn.map((v) => [v.name, v]))('%s: pools, commitment, seed, streams, counts and result', (_name, v) => {
    const { input, expected } = v;
    expect(freezePools(input.pools).digests).toEqual(expected.pools);
    expect(canonicalParameters(input.parameters)).toBe(expected.parametersJson);
    expect(commitmentOf(input.secret)).toBe(expected.commitment);
    expect(sampleCounts(freezePools(input.pools).pools.entities, input.parameters.sample)).toEqual(expected.groups);
    const out = runDraw(input);
    expect(out.seed).toBe(expected.seed);
    for (const label of ['select', 'assign'] as const) {
      const stream = new DrawStream(out.seed, label);
      expect(expected.streams[label].map(() => stream.next()), label).toEqual(expected.streams[label]);
    }
    expect(out.result).toEqual(expected.result);
  });

  it.each(refused.map((v) => [v.name, v]))('%s: refused with the same code', (_name, v) => {
    let error: unknown;
    try {
      runDraw(v.input);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DrawError);
    expect((error as DrawError).code).toBe(v.expected.error);
  });
});
