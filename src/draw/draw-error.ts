/** Why a draw cannot be committed, computed or verified (docs/draw-algorithm.md#errors). */
export type DrawErrorCode =
  | 'bad-pool'
  | 'duplicate-id'
  | 'bad-parameters'
  | 'sample-exceeds-pool'
  | 'empty-sample'
  | 'too-few-inspectors'
  | 'too-few-inspectors-after-recusal'
  | 'bad-secret'
  | 'secret-mismatch'
  | 'bad-contribution'
  | 'pools-missing'
  | 'not-revealed';

/**
 * A refusal with a stable `code`, an English `detail`, and where it helps a `pointer`: a JSON pointer (RFC 6901)
 * into the draw parameters (e.g. `/sample/strata/A`) or the pools (e.g. `/entities/3/id`), and `id` naming the
 * stratum or entity concerned, so a route can answer 422 naming the field.
 */
export class DrawError extends Error {
  override readonly name = 'DrawError';
  readonly pointer: string | undefined;
  readonly id: string | undefined;
  constructor(
    readonly code: DrawErrorCode,
    readonly detail: string,
    where: { pointer?: string; id?: string } = {},
  ) {
    super(detail);
    this.pointer = where.pointer;
    this.id = where.id;
  }
}

