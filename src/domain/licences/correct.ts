import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import { LicenceCreate, type LicenceCorrection } from '../../schemas/licences.js';
import type { Principal } from '../principal.js';
import {
  agencyOf,
  claimedChangeRefused,
  correctedExtras,
  correctedPublication,
  defined,
  mergeKeepingMaskedIds,
  numberTaken,
  publishCorrection,
  storedExtras,
  storeParty,
} from '../decisions/correct.js';
import type { DecisionRules } from '../decisions/rules.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { duplicateNumber, futureDecision, licenceValues } from './create.js';
import { lockForChange } from './lifecycle.js';
import { licenceKind, type LicenceRow } from './present.js';

/** The stored decision in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: LicenceRow): Record<string, unknown> {
  return defined({
    party: defined(row.party as Record<string, unknown>),
    documentTitle: row.documentTitle,
    decisionNumber: row.decisionNumber,
    category: row.category,
    categoryDetail: row.categoryDetail,
    certificateName: row.certificateName,
    licenceNumber: row.licenceNumber,
    content: row.content,
    decisionDate: row.decisionDate,
    validFrom: row.validFrom,
    validTo: row.validTo,
    state: row.state,
    ...storedExtras(row),
  });
}

/**
 * A correction (更正) of a licence, as correctPenalty does it: a merge patch on the decision as sent,
 * re-checked in full, published as a new version with its public reason; untouched ID numbers stay masked.
 */
export async function correctLicence(db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: LicenceCorrection) {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, principal, id, ifMatch);
    if (row.status !== 'published') throw problems.conflict(`This decision is ${row.status}: only a published decision can be corrected.`);
    const errors: FieldError[] = [];
    const { merged, kept } = mergeKeepingMaskedIds(row, asInput(row), input.changes as Record<string, unknown>, '许可决定日期', errors, rules.masking.mask);
    const parsed = LicenceCreate.safeParse(merged);
    if (!parsed.success) errors.push(...fieldErrorsFromZod(parsed.error.issues, 'body').map((e) => ({ ...e, pointer: '/changes' + e.pointer })));
    if (errors.length || !parsed.success) throw problems.unprocessable(errors);
    const next = parsed.data;
    const claimed = claimedChangeRefused(next, row, principal);
    if (claimed) throw problems.unprocessable([claimed]);

    const party = await storeParty(next.party, kept, rules, next.decisionDate, errors);
    if (next.decisionDate > chinaDate(now)) errors.push(futureDecision('/changes/decisionDate'));
    const extras = await correctedExtras(tx, row, next, next.decisionDate, errors);
    if (next.decisionNumber !== row.decisionNumber && (await numberTaken(tx, licences, licences.decisionNumber, row, next.decisionNumber))) {
      throw problems.conflict('This agency already published a licence decision with this number.', [duplicateNumber('/changes/decisionNumber')]);
    }
    if (errors.length) throw problems.unprocessable(errors);
    const values = {
      ...licenceValues(next, agencyOf(row), party!, extras),
      ...correctedPublication(row, next.claimedPublishedAt, next.decisionDate, PUBLICATION_DAYS.licence, rules),
    };
    return publishCorrection(tx, licenceKind, principal, now, row, values, input.reason);
  });
}
