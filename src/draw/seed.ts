import { createHash } from 'node:crypto';
import { stableJson } from '../lib/stable-json.js';
import { DrawError } from './draw-error.js';
import { type DrawParameters, HEX32 } from './inputs.js';
import type { PoolDigests } from './pools.js';

/* The commitment and the seed (docs/draw-algorithm.md#seed). */

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (b) => Number.parseInt(b, 16));

/** A new secret or contribution: 32 random bytes as 64 lowercase hex digits. */
export function randomHex32(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function secretBytes(secret: string): Uint8Array {
  if (!HEX32.test(secret)) throw new DrawError('bad-secret', 'The secret must be 64 lowercase hex digits (32 bytes).', { pointer: '/secret' });
  return hexBytes(secret);
}

/** The published commitment: lowercase hex SHA-256 of the secret's 32 bytes (not of its hex text). */
export function commitmentOf(secret: string): string {
  return createHash('sha256').update(secretBytes(secret)).digest('hex');
}

/** Refuses a reveal whose secret is malformed or does not hash to the commitment. */
export function checkReveal(secret: string, commitment: string): void {
  if (commitmentOf(secret) !== commitment) throw new DrawError('secret-mismatch', 'The secret does not hash to the published commitment.', { pointer: '/secret' });
}

/** The parameters as hashed into the seed: JSON with keys sorted at every depth and no spaces. */
export function canonicalParameters(parameters: DrawParameters): string {
  return stableJson(parameters);
}

export interface SeedInput {
  algorithm: string;
  taskId: string;
  digests: PoolDigests;
  parameters: DrawParameters;
  secret: string;
  /** Contribution values in sequence order. */
  contributions: readonly string[];
}

/** One field of the seed's input: its length as 4 bytes big-endian, then its bytes. */
function field(bytes: Uint8Array): Uint8Array[] {
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, bytes.length);
  return [length, bytes];
}

/**
 * SHA-256 over length-prefixed fields: algorithm, task id, the three pool hashes, the parameters, the secret, the
 * number of contributions, then each contribution. Moving, adding or changing any of them changes the seed.
 */
export function seedOf(input: SeedInput): string {
  const text = (s: string) => new TextEncoder().encode(s);
  const count = new Uint8Array(4);
  new DataView(count.buffer).setUint32(0, input.contributions.length);
  const parts = [
    ...field(text(input.algorithm)),
    ...field(text(input.taskId)),
    ...field(hexBytes(input.digests.entities.sha256)),
    ...field(hexBytes(input.digests.inspectors.sha256)),
    ...field(hexBytes(input.digests.conflicts.sha256)),
    ...field(text(canonicalParameters(input.parameters))),
    ...field(secretBytes(input.secret)),
    count,
    ...input.contributions.flatMap((value, i) => {
      if (!HEX32.test(value)) throw new DrawError('bad-contribution', `Contribution ${i + 1} must be 64 lowercase hex digits (32 bytes).`, { pointer: `/contributions/${i}` });
      return field(hexBytes(value));
    }),
  ];
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}
