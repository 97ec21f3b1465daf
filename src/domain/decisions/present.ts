import type { z } from 'zod';
import { nameOf } from '../../codes/code-list.js';
import { ID_DOCUMENT_TYPES } from '../../codes/id-document-types.js';
import { PARTY_CATEGORY_LIST } from '../../codes/party-categories.js';
import type { Timeliness } from '../../schemas/decision-common.js';
import type { PenaltyPartyPublic } from '../../schemas/penalty-party.js';
import type { StoredPenaltyParty } from '../penalty-party.js';
import type { DecisionRow } from './kind.js';

/** A document type's national name; another document (其他-军官证) is named by the text after its prefix. */
const idTypeName = (type: string | null) => (type === null ? null : nameOf(ID_DOCUMENT_TYPES, type).replace(/^其他-/, ''));

/** The stored party as published: its codes with their national names beside them. */
export function publishedParty(party: StoredPenaltyParty): PenaltyPartyPublic {
  return {
    ...party,
    categoryName: nameOf(PARTY_CATEGORY_LIST, party.category),
    legalRepresentativeIdTypeName: idTypeName(party.legalRepresentativeIdType),
    idTypeName: idTypeName(party.idType),
  };
}

/** 备注 and the fields every published decision carries beyond its national ones, as stored. */
export function extrasOf(row: DecisionRow) {
  return {
    remarks: row.remarks,
    citations: row.citations,
    tags: row.tags,
    joint: row.joint ?? null,
    campaignId: row.campaignId,
  };
}

/** Deadline and lateness as computed at publication (or at the last correction). */
export function timelinessOf(row: DecisionRow): z.output<typeof Timeliness> {
  return {
    dueDate: row.dueDate,
    publishedAt: row.publishedAt.toISOString(),
    claimedPublishedAt: row.claimedPublishedAt?.toISOString() ?? null,
    basis: row.claimedPublishedAt ? 'claimed' : 'server',
    late: row.late,
    workingDaysLate: row.workingDaysLate,
    calendarProvisional: row.calendarProvisional,
  };
}
