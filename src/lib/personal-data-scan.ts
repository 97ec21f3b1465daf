/**
 * Personal data that must not reach storage inside free text (DOMAIN.md §1.4): a complete 18-digit 身份证
 * number (its check digit must hold, so order numbers and amounts rarely match) and a mainland mobile
 * number. The party's own ID travels in its masked slot; anywhere else the agency must redact it first.
 */
import { residentIdCheckChar } from './resident-id.js';

const ID_CANDIDATE = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/;

export type PersonalDataKind = 'resident-id' | 'mobile-phone';

/** The kinds of personal data found in `text` (never the values themselves). */
export function personalDataIn(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  for (const [, id] of text.matchAll(ID_CANDIDATE)) {
    if (residentIdCheckChar(id!.slice(0, 17)) === id!.slice(17).toUpperCase()) {
      found.push('resident-id');
      break;
    }
  }
  if (MOBILE.test(text)) found.push('mobile-phone');
  return found;
}

export const personalDataMessages: Record<PersonalDataKind, string> = {
  'resident-id': 'Contains a 身份证 number: redact it before publishing (the party\'s own number goes, masked, in its 证件号码 field).',
  'mobile-phone': 'Contains a mobile phone number: contact details are not published.',
};
