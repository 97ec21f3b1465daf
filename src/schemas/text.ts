/**
 * The strings the API accepts. Every free-form string of every request — body, query and path, on every
 * route and the import CLI alike, since both validate with these schemas — is built here, so each one is
 * stored in NFC, refuses characters that cannot be stored or that hide what a text says, and passes the
 * personal-data guard (src/lib/personal-data-scan.ts) under a declared policy:
 * - `refused`: a 身份证 number or a mobile number is a 400 naming the field (the value is never echoed);
 * - `masked`: a slot meant for an identifier of the party (证件号码, 税务登记号 …) may hold a 身份证 number, which
 *   is age-checked and masked before storage (src/domain/penalty-party.ts); a mobile number is refused;
 * - `public-contact`: an agency's own published phone may be a mobile number; a 身份证 number is refused.
 * The policy is published in the OpenAPI document as `x-personal-data`, and a test fails for any request
 * string of the document that could carry a number but declares none.
 */
import { z } from 'zod';
import { PERSONAL_DATA_KEY, personalDataIn, personalDataMessages, type PersonalDataKind, type PersonalDataPolicy } from '../lib/personal-data-scan.js';

export { PERSONAL_DATA_KEY, type PersonalDataPolicy };
type TextPolicy = Exclude<PersonalDataPolicy, 'number'>;

const ALLOWED: Record<TextPolicy, PersonalDataKind[]> = {
  refused: [],
  masked: ['resident-id'],
  'public-contact': ['mobile-phone'],
};

// PostgreSQL text cannot hold U+0000 and an unpaired surrogate has no UTF-8 form. Other C0/C1 controls,
// bidi overrides and isolates, zero-width and other format characters (\p{Cf}) make a text read differently
// from what it holds (a decision number with a zero-width space is another number that looks the same).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HIDDEN_IN_LINE = /[\p{Cc}\p{Cf}\uFFFE\uFFFF]/u;
// Prose may hold tab, LF and CR, the controls a multi-line text needs.
const HIDDEN_IN_PROSE = /(?![\t\n\r])[\p{Cc}\p{Cf}\uFFFE\uFFFF]/u;

const codePoint = (ch: string) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

function check(policy: TextPolicy, multiline: boolean, provenCode?: (value: string) => boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (LONE_SURROGATE.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'Text must not contain an unpaired surrogate.' });
      return;
    }
    const hidden = (multiline ? HIDDEN_IN_PROSE : HIDDEN_IN_LINE).exec(value);
    if (hidden) {
      const what = multiline ? 'a control or invisible formatting character' : 'a line break, control or invisible formatting character';
      ctx.addIssue({ code: 'custom', message: `Contains ${codePoint(hidden[0])} (${what}): remove it.` });
    }
    if (provenCode?.(value)) return;
    for (const kind of personalDataIn(value)) {
      if (!ALLOWED[policy].includes(kind)) ctx.addIssue({ code: 'custom', message: personalDataMessages[kind] });
    }
  };
}

/**
 * A string under `policy`, in NFC, for fields with their own shape rules (codes, phone numbers): callers add
 * `.regex()`/`.max()`. Surrounding whitespace is not trimmed; line breaks are refused unless `multiline`.
 * `provenCode` names values whose own check characters prove them an organisation's code (a valid
 * 统一社会信用代码 is public by law): those are not read for personal data, since one in a few thousand valid
 * codes also happens to pass as a 身份证 number.
 */
export function guarded(policy: TextPolicy, options: { multiline?: boolean; provenCode?: (value: string) => boolean } = {}) {
  return z
    .string()
    .overwrite((s) => s.normalize('NFC'))
    .superRefine(check(policy, options.multiline ?? false, options.provenCode))
    .meta({ [PERSONAL_DATA_KEY]: policy });
}

/** The guard added to a string schema of another kind (a URL, an e-mail address). */
export function withGuard<T extends z.ZodType<string>>(schema: T, policy: TextPolicy): T {
  return schema.superRefine(check(policy, false)).meta({ [PERSONAL_DATA_KEY]: policy });
}

const bounded = (max: number, policy: TextPolicy, multiline: boolean) =>
  z
    .string()
    .overwrite((s) => s.normalize('NFC'))
    .trim()
    .min(1)
    .max(max)
    .superRefine(check(policy, multiline))
    .meta({ [PERSONAL_DATA_KEY]: policy });

/** One line of text (names, numbers, titles, search terms): trimmed, 1..max characters, no personal data. */
export const line = (max: number) => bounded(max, 'refused', false);

/** Text that may run over several lines (facts, content, explanations): line breaks and tabs allowed. */
export const prose = (max: number) => bounded(max, 'refused', true);

/** A slot for an identifier of the party, where a 身份证 number is masked before storage instead of refused. */
export const identifierSlot = (max: number) => bounded(max, 'masked', false);

/** A web address (http or https, up to 2,048 characters) under the personal-data guard. */
export const httpUrl = () => withGuard(z.url({ protocol: /^https?$/ }).max(2048), 'refused');
