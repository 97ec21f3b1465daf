/**
 * Masking (脱敏, 去标识化: 个人信息保护法 arts. 51 and 73) of 证件号码 before the first write
 * (docs/personal-data.md#masking; issue 4 item 5). No national pattern exists, so the rule is configuration:
 * keep `keepStart` leading and `keepEnd` trailing characters, replace every other character by `mask`. The
 * length is kept, so a masked 身份证 still looks like one and the operation is idempotent.
 *
 * A value is masked partially only if at least MIN_HIDDEN characters and at least a third of it end
 * up hidden; otherwise it is masked entirely, so a short number is never stored raw or nearly raw.
 * The rule is the same for every 证件类型 (the type is not an input). With the default rule (6 + 4):
 * - 身份证, 18 chars (110105********002X): address code and the last 4 kept; birth date and the rest of
 *   the sequence hidden. Check minors BEFORE masking: the birth date is gone afterwards.
 * - 外国人永久居留身份证: 15-char (2004) form keeps 6 + 4, hides 5; 18-char (2023) form as 身份证.
 * - 护照 (e.g. 9 chars), 港澳居民来往内地通行证 (9 or 11), 台湾居民来往大陆通行证 (8 or 10): too short,
 *   masked entirely (same length, all `mask`).
 * - "其他-…": free form, same rule by length. Characters are Unicode code points, never split halves.
 */
import { z } from 'zod';

/** Hiding fewer characters than this is not masking (a 4-digit guess space). */
export const MIN_HIDDEN = 4;

export const maskingRuleSchema = z
  .object({
    keepStart: z.number().int().min(0).max(18).default(6),
    keepEnd: z.number().int().min(0).max(18).default(4),
    // Not a letter, digit or space, so a masked value can never be mistaken for (or equal) a raw number.
    mask: z
      .string()
      .regex(/^[^\p{L}\p{N}\s]$/u, 'mask must be one character that is not a letter, digit or space')
      .default('*'),
  })
  .strict();

export type MaskingRule = z.output<typeof maskingRuleSchema>;

export const DEFAULT_MASKING_RULE: MaskingRule = Object.freeze(maskingRuleSchema.parse({}));

/** How many leading and trailing characters `maskId` keeps for a value of `length` characters. */
export function keptEnds(length: number, rule: MaskingRule = DEFAULT_MASKING_RULE): { start: number; end: number } {
  const hidden = length - rule.keepStart - rule.keepEnd;
  if (hidden < MIN_HIDDEN || hidden * 3 < length) return { start: 0, end: 0 };
  return { start: rule.keepStart, end: rule.keepEnd };
}

/** The masked form of `value`. Never returns a raw value of length ≥ 1; empty stays empty. */
export function maskId(value: string, rule: MaskingRule = DEFAULT_MASKING_RULE): string {
  const chars = Array.from(value);
  const { start, end } = keptEnds(chars.length, rule);
  const hidden = chars.length - start - end;
  return chars.slice(0, start).join('') + rule.mask.repeat(hidden) + chars.slice(chars.length - end).join('');
}

/**
 * True if `value` is already in masked form under `rule` (e.g. data migrated from a system that
 * masked already): masking it again changes nothing and at least one character is hidden.
 */
export function isMasked(value: string, rule: MaskingRule = DEFAULT_MASKING_RULE): boolean {
  return value.length > 0 && value.includes(rule.mask) && maskId(value, rule) === value;
}
