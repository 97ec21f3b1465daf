import fc from 'fast-check';
import { completeResidentId } from '../src/lib/resident-id.js';

/** Strings that have broken parsers, databases, renderers and normalisers elsewhere. */
export const UNICODE_EDGES = [
  '\ud800', '\udfff', 'a\ud83d', '\ude00b', '\u0000', 'a\u0000b', '\u202e\u0644\u202c', '\u202egnp.exe', '\u200b', '\u200d', '\ufeff', '\u2028\u2029',
  'e\u0301\u0301\u0301', 'Z\u0335\u0321\u0327\u031b\u031b', '\uff11\uff12\uff13', '\u0661\u0662\u0663', '😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '𠀀𪚥',
  '\uffff', '\ufffe', '\ufffd', 'İı', 'ß', '\t', '\r\n', ' ', '\u3000', '\u00a0', '\u0085', 'ﬁ', '㍻', '①②', 'Ⅻ', '\u1100\u1161',
];
export const INJECTIONS = [
  "' OR '1'='1", "'; DROP TABLE penalties;--", "1; SELECT pg_sleep(0)--", "' UNION SELECT NULL,NULL--", '\\', '%', '_', '%_%', "E'\\x00'", '$1', '::text',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, sent as plain text on purpose.
  '"; --', '`id`', "admin'--", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}',
  "=CMD|' /C calc'!A0", '+SUM(1,1)', '-1+1', '@SUM(1)', '<!--', ']]>', '&amp;&lt;', '\u0000\u0000',
];
export const TRAVERSALS = ['../../etc/passwd', '..%2f..%2fetc%2fpasswd', '%2e%2e/', '....//....//', '..\\..\\windows', '/v1/keys', '%00', '.', '..', '~'];
export const NUMBERISH = ['NaN', 'Infinity', '-Infinity', '-0', '1e309', '9007199254740993', '0x10', ' 1', '1 ', '１', '1_000', '0.1e1', '-1', '2147483648'];

const PROVINCES = ['11', '31', '44', '51', '65', '81'];
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A checksum-valid 18-digit 公民身份号码 with a real birth date. */
const residentIdArb = fc
  .tuple(fc.constantFrom(...PROVINCES), digits(4), fc.date({ min: new Date('1940-01-01'), max: new Date('2015-12-31'), noInvalidDate: true }), digits(3))
  .map(([p, area, birth, seq]) => completeResidentId(p + area + birth.toISOString().slice(0, 10).replaceAll('-', '') + seq));

/** A mainland mobile number (1[3-9] + 9 digits). */
const mobileArb = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);

const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spaced = (s: string, groups: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const g of groups) parts.push(s.slice(at, (at += g)));
  if (at < s.length) parts.push(s.slice(at));
  return parts.join(sep);
};

/** The ways a number is written by people and spreadsheets: separators, full-width digits, invisible characters. */
function disguise(kind: 'id' | 'mobile') {
  const groups = kind === 'id' ? [6, 8, 4] : [3, 4, 4];
  return (s: string, how: number) =>
    [
      s,
      spaced(s, groups, ' '),
      spaced(s, groups, '-'),
      spaced(s, groups, '.'),
      fullWidth(s),
      [...s].join('\u200b'),
      spaced(s, groups, '\u00a0'),
      kind === 'id' ? s.replace(/X$/, 'x') : `+86 ${spaced(s, groups, ' ')}`,
      spaced(fullWidth(s), groups, '\u3000'),
      [...s].join('\u2060'),
    ][how % 10]!;
}

/** An ID number as people write them (separators, full-width digits, invisible characters), with the number itself. */
export const writtenResidentIdArb = fc.tuple(residentIdArb, fc.nat()).map(([id, how]) => ({ id, written: disguise('id')(id, how) }));

/** An ID or mobile number, written as people write them. */
export const personalNumberArb = fc.oneof(
  writtenResidentIdArb.map(({ written }) => written),
  fc.tuple(mobileArb, fc.nat()).map(([m, how]) => disguise('mobile')(m, how)),
);

/** Free text with something nasty in it: an edge character, an injection, a traversal or a personal number. */
export const nastyStringArb = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.oneof(fc.constantFrom(...UNICODE_EDGES), fc.constantFrom(...INJECTIONS), fc.constantFrom(...TRAVERSALS), fc.constantFrom(...NUMBERISH), personalNumberArb),
    fc.string({ maxLength: 8 }),
  )
  .map(([a, b, c]) => a + b + c);
