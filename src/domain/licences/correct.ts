import type { licences } from '../../db/schema.js';
import { LicenceCreate } from '../../schemas/licences.js';
import type { CorrectSpec } from '../decisions/correct.js';
import { keepingMaskedIds } from '../decisions/party-ids.js';
import { defined, storedExtras } from '../decisions/request-shape.js';
import type { StoredPenaltyParty } from '../penalty-party.js';
import { licenceCreation } from './create.js';
import type { LicenceRow } from './present.js';

/** The stored decision in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: LicenceRow): Record<string, unknown> {
  return defined({
    party: defined(row.party),
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
    approvalItemId: row.approvalItemId,
    ...storedExtras(row),
  });
}

/** A correction (更正) of a licence, as of a penalty: untouched ID numbers stay masked as stored. */
export const licenceCorrection: CorrectSpec<typeof licences, LicenceCreate, StoredPenaltyParty> = {
  create: licenceCreation,
  schema: LicenceCreate,
  asInput,
  merge: keepingMaskedIds('许可决定日期'),
};
