import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MASKING_RULE, MIN_HIDDEN, isMasked, keptEnds, maskId, maskingRuleSchema, type MaskingRule } from '../src/lib/masking.js';
import { completeResidentId } from '../src/lib/resident-id.js';

describe('maskId with the default rule (keep 6 + 4, mask *)', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_MASKING_RULE).toEqual({ keepStart: 6, keepEnd: 4, mask: '*' });
    expect(maskingRuleSchema.parse({})).toEqual(DEFAULT_MASKING_RULE);
  });

  // Real-shaped, synthetic values per 证件类型 (docs/code-lists.md#id-document-types).
  it.each([
    ['身份证', '11010519491231002X', '110105********002X'],
    ['身份证 (lowercase x as given)', '11010519491231002x', '110105********002x'],
    ['外国人永久居留身份证 (2023, 18 chars)', '933156198501010018', '933156********0018'],
    ['外国人永久居留身份证 (2004, 15 chars)', 'USA310085010101', 'USA310*****0101'],
    ['护照', 'E12345678', '*********'],
    ['护照 (old 9-char G)', 'G12345678', '*********'],
    ['港澳居民来往内地通行证 (9 chars)', 'H12345678', '*********'],
    ['港澳居民来往内地通行证 (11 chars)', 'H1234567801', '***********'],
    ['台湾居民来往大陆通行证 (8 chars)', '12345678', '********'],
    ['台湾居民来往大陆通行证 (10 chars)', '1234567801', '**********'],
    ['其他-军官证 (11 chars)', '军字第1234567号', '***********'],
    ['其他-long free text', '其他证件ABCDEFGH12345678', '其他证件AB**********5678'],
    ['single character', '7', '*'],
    ['empty', '', ''],
  ])('%s: %s → %s', (_type, value, masked) => {
    expect(maskId(value)).toBe(masked);
  });

  it.each([
    [13, 0, 0, 'hides 3 < MIN_HIDDEN'],
    [14, 0, 0, 'hides 4 but less than a third'],
    [15, 6, 4, 'hides 5, a third'],
    [18, 6, 4, 'hides 8'],
    [64, 6, 4, 'field maximum'],
  ])('length %i keeps %i + %i (%s)', (length, start, end) => {
    expect(keptEnds(length)).toEqual({ start, end });
  });

  it('applies a configured rule', () => {
    const rule = maskingRuleSchema.parse({ keepStart: 3, keepEnd: 2, mask: '#' });
    expect(maskId('11010519491231002X', rule)).toBe('110#############2X');
    expect(maskId('E12345678', rule)).toBe('E12####78');
    expect(maskId('E12345678', { keepStart: 0, keepEnd: 0, mask: '•' })).toBe('•••••••••');
  });
});

describe('maskingRuleSchema', () => {
  it.each([
    [{ mask: 'a' }], [{ mask: '0' }], [{ mask: '**' }], [{ mask: '' }], [{ mask: ' ' }], [{ mask: '中' }],
    [{ keepStart: -1 }], [{ keepEnd: 1.5 }], [{ keepStart: 19 }], [{ keepStart: '6' }], [{ extra: true }],
  ])('rejects %j', (input) => {
    expect(maskingRuleSchema.safeParse(input).success).toBe(false);
  });

  it('accepts symbol masks and partial rules', () => {
    expect(maskingRuleSchema.parse({ mask: '×' })).toEqual({ keepStart: 6, keepEnd: 4, mask: '×' });
    expect(maskingRuleSchema.parse({ keepStart: 0 })).toEqual({ keepStart: 0, keepEnd: 4, mask: '*' });
  });
});

describe('isMasked', () => {
  it.each([
    ['110105********002X', DEFAULT_MASKING_RULE, true],
    ['*********', DEFAULT_MASKING_RULE, true],
    ['11010519491231002X', DEFAULT_MASKING_RULE, false],
    ['E12345678', DEFAULT_MASKING_RULE, false],
    ['', DEFAULT_MASKING_RULE, false],
    ['110105*******2002X', DEFAULT_MASKING_RULE, false],
    ['110105********002X', { keepStart: 6, keepEnd: 4, mask: '#' }, false],
    // Masked earlier under the default, read under a looser rule: still recognised, nothing leaks.
    ['110105********002X', { keepStart: 8, keepEnd: 4, mask: '*' }, true],
  ])('%s → %s', (value, rule, expected) => {
    expect(isMasked(value, rule as MaskingRule)).toBe(expected);
  });
});

const arbRule = fc.record({
  keepStart: fc.integer({ min: 0, max: 18 }),
  keepEnd: fc.integer({ min: 0, max: 18 }),
  mask: fc.constantFrom('*', '#', '×', '•'),
});
const arbValue = fc.string({ unit: 'binary', maxLength: 64 });
const codePoints = (s: string) => Array.from(s);

describe('properties', () => {
  it('keeps the length, hides the middle, keeps the configured ends', () => {
    fc.assert(
      fc.property(arbValue, arbRule, (value, rule) => {
        fc.pre(!value.includes(rule.mask));
        const raw = codePoints(value);
        const out = codePoints(maskId(value, rule));
        const { start, end } = keptEnds(raw.length, rule);
        expect(out).toHaveLength(raw.length);
        expect(out.slice(start, raw.length - end).every((c) => c === rule.mask)).toBe(true);
        expect(out.slice(0, start)).toEqual(raw.slice(0, start));
        expect(out.slice(raw.length - end)).toEqual(raw.slice(raw.length - end));
        if (start + end > 0) expect([start, end]).toEqual([rule.keepStart, rule.keepEnd]);
        const hidden = raw.length - start - end;
        expect(hidden === raw.length || (hidden >= MIN_HIDDEN && hidden * 3 >= raw.length)).toBe(true);
        if (raw.length > 0) expect(out.join('')).not.toBe(value);
      }),
    );
  });

  it('is idempotent and recognised as masked', () => {
    fc.assert(
      fc.property(arbValue, arbRule, (value, rule) => {
        const once = maskId(value, rule);
        expect(maskId(once, rule)).toBe(once);
        if (value.length > 0) expect(isMasked(once, rule)).toBe(true);
      }),
    );
  });

  it('never keeps the birth date or sequence of a 居民身份证 under the default rule', () => {
    const arbId = fc
      .tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date('1900-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
      .map(([a, d, s]) => completeResidentId(String(a) + d.toISOString().slice(0, 10).replaceAll('-', '') + String(s).padStart(3, '0')));
    fc.assert(
      fc.property(arbId, (n) => {
        const out = maskId(n);
        expect(out).toBe(`${n.slice(0, 6)}********${n.slice(14)}`);
        expect(out).not.toContain(n.slice(6, 14));
        expect(isMasked(n)).toBe(false);
      }),
    );
  });
});
