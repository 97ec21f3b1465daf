/** 时效性 of a legal text, as published by the national 法律法规数据库. */
export const VALIDITY = ['尚未生效', '现行有效', '已修改', '已废止'] as const;
export type Validity = (typeof VALIDITY)[number];

export interface ValidityDates {
  effectiveOn: string;
  repealedOn: string | null;
  /** Effective date of the earliest later text that amends or replaces this one, if any. */
  amendedOn: string | null;
}

/** The validity of a text on a given date (ISO dates compare as strings). */
export function validityOn(dates: ValidityDates, on: string): Validity {
  if (on < dates.effectiveOn) return '尚未生效';
  if (dates.repealedOn && on >= dates.repealedOn) return '已废止';
  if (dates.amendedOn && on >= dates.amendedOn) return '已修改';
  return '现行有效';
}

/** Today's date in China (UTC+8, no DST): legal dates are Beijing dates. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
