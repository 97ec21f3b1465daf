import { licences } from '../../db/schema.js';
import type { DecisionNotice } from '../../schemas/decision-common.js';
import type { Licence } from '../../schemas/licences.js';
import { toNotice } from '../decisions/notice.js';
import { withRecordMeta } from '../records.js';
import type { DecisionKind, ReadRow } from '../decisions/kind.js';
import { extrasOf, publishedParty, timelinessOf } from '../decisions/present.js';
import { nameOf } from '../../codes/code-list.js';
import { LICENCE_CATEGORIES } from '../../codes/licence-categories.js';

export type LicenceRow = ReadRow<typeof licences>;

/** A published licence in national order, or the notice of a withdrawn one. Pure: one row, no queries. */
function toLicence(row: LicenceRow): Licence | DecisionNotice {
  if (row.status !== 'published') return toNotice(row, row.status, row.decisionNumber);
  return toPublishedLicence(row);
}

export function toPublishedLicence(row: LicenceRow): Licence {
  return withRecordMeta(row, {
    status: 'published',
    party: publishedParty(row.party),
    documentTitle: row.documentTitle,
    decisionNumber: row.decisionNumber,
    category: row.category,
    categoryName: nameOf(LICENCE_CATEGORIES, row.category),
    categoryDetail: row.categoryDetail,
    certificateName: row.certificateName,
    licenceNumber: row.licenceNumber,
    content: row.content,
    decisionDate: row.decisionDate,
    validFrom: row.validFrom,
    validTo: row.validTo,
    licensingAgencyId: row.agencyId,
    licensingAgency: row.agencyName,
    licensingAgencyCreditCode: row.agencyCreditCode,
    state: row.state,
    dataSource: row.dataSource,
    dataSourceCreditCode: row.dataSourceCreditCode,
    approvalItemId: row.approvalItemId,
    ...extrasOf(row),
    timeliness: timelinessOf(row),
  });
}

export const licenceKind: DecisionKind<typeof licences, Licence | DecisionNotice> = { table: licences, type: 'licence', label: 'Licence', present: toLicence, noun: 'decision' };
