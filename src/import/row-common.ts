/**
 * What penalty and licence rows share: the party block (#1–#13, with the legacy 代码_5 placement and the
 * legacy 行政相对人类别 inference), the own-agency check, and turning zod issues / Problem pointers into
 * row errors named by the national Chinese column. Every reason passes through scrub(): a raw ID number of
 * the row is never written into a report or log, whatever produced the message.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { DEFAULT_MASKING_RULE, maskId } from '../lib/masking.js';
import { maskResidentIdsIn } from '../lib/personal-data-scan.js';
import type { ColumnMapping, FieldKey, HeaderMapping } from './national-headers.js';
import { CellError, idType, partyCategory } from './values.js';

export interface RowError {
  /** 1-based spreadsheet row (header = 1). */
  rowNumber: number;
  /** The national Chinese header of the offending field ('' when the problem is the whole row). */
  column: string;
  reason: string;
}

type Fields = Record<FieldKey, string | undefined>;

/** Where a field's problem is reported when the file has no column of its own for it (legacy derivations). */
const FALLBACK: Record<string, FieldKey> = {
  'party.idNumber': 'residentId',
  'party.idType': 'residentId',
  'party.legalRepresentativeIdNumber': 'residentId',
  'party.legalRepresentativeIdType': 'residentId',
  'party.category': 'residentId',
  validUntil: 'decisionDate',
  validFrom: 'decisionDate',
  fineAmount: 'content',
};

/** Collects errors of one row, converting values cell by cell; the first error per column is kept. */
export class RowContext<M extends ColumnMapping = HeaderMapping> {
  readonly errors: RowError[] = [];
  private readonly secrets: string[];

  constructor(
    readonly mapping: M,
    readonly rowNumber: number,
    readonly fields: Fields,
  ) {
    this.secrets = ['party.idNumber', 'party.legalRepresentativeIdNumber', 'residentId'].flatMap((k) => fields[k] ?? []);
  }

  private present(key: FieldKey): boolean {
    return [...this.mapping.fieldOf.values()].includes(key);
  }

  /** The Chinese column for a field key or zod path ('party.creditCode', 'penaltyTypes.0'). */
  columnFor(path: string): string {
    const key = path.split('.').filter((p) => !/^\d+$/.test(p)).join('.');
    const fallback = FALLBACK[key];
    if (this.present(key) || fallback === undefined || !this.present(fallback)) return this.mapping.columnName(key) || this.mapping.columnName(fallback ?? '') || key;
    return this.mapping.columnName(fallback);
  }

  /** Replaces any raw ID number of this row's ID columns, and any 身份证 number elsewhere in the text, by its masked form. */
  scrub(text: string): string {
    const own = this.secrets.reduce((t, s) => (s.length >= 4 ? t.split(s).join(maskId(s)) : t), text);
    return maskResidentIdsIn(own, DEFAULT_MASKING_RULE);
  }

  add(path: string, reason: string) {
    const column = this.columnFor(path);
    if (this.errors.some((e) => e.column === column)) return; // one reason per column is enough to fix it
    this.errors.push({ rowNumber: this.rowNumber, column, reason: this.scrub(reason) });
  }

  /** Converts the cell of `key` (undefined stays undefined); a CellError becomes a row error on that column. */
  convert<T>(key: FieldKey, fn: (cell: string) => T): T | undefined {
    const cell = this.fields[key];
    if (cell === undefined) return undefined;
    try {
      return fn(cell);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      this.add(key, e.message);
      return undefined;
    }
  }

  /** zod issues, skipping columns that already have a conversion error (the zod view would only repeat it). */
  addIssues(issues: readonly $ZodIssue[]) {
    for (const issue of issues) {
      const path = issue.path.map(String).join('.');
      const column = this.columnFor(path);
      if (this.errors.some((e) => e.column === column)) continue;
      this.add(path, /received undefined/.test(issue.message) ? 'Required: the cell is empty.' : issue.message);
    }
  }

  /** The importing agency may publish only its own decisions (谁执法谁公示). */
  checkAgency(agencyCreditCode: string) {
    const code = this.fields['agencyCreditCode'];
    if (code !== undefined && code.toUpperCase() !== agencyCreditCode.toUpperCase()) {
      this.add('agencyCreditCode', `The decision belongs to another agency (credit code ${code}); an agency may publish only its own decisions.`);
    }
  }
}

/** The party block as PenaltyParty input. Legacy: category inferred, 代码_5 (居民身份证号) placed. */
export function partyInput(ctx: RowContext): Record<string, unknown> {
  const f = ctx.fields;
  const party: Record<string, unknown> = {
    name: f['party.name'],
    category: ctx.convert('party.category', partyCategory),
    creditCode: f['party.creditCode']?.toUpperCase(),
    registrationNumber: f['party.registrationNumber'],
    orgCode: f['party.orgCode']?.toUpperCase().replace(/-/g, ''),
    taxNumber: f['party.taxNumber']?.toUpperCase(),
    institutionCertificate: f['party.institutionCertificate'],
    socialOrgCertificate: f['party.socialOrgCertificate'],
    legalRepresentative: f['party.legalRepresentative'],
    legalRepresentativeIdType: ctx.convert('party.legalRepresentativeIdType', idType),
    legalRepresentativeIdNumber: f['party.legalRepresentativeIdNumber'],
    idType: ctx.convert('party.idType', idType),
    idNumber: f['party.idNumber'],
  };
  if (ctx.mapping.format === 'legacy') {
    // The legacy format has no 行政相对人类别: a party identified only by a 居民身份证号 is a 自然人;
    // anything with an organisation code is taken as 法人及非法人组织 (个体工商户 cannot be told apart).
    const resident = f['residentId'];
    const orgCodes = ['party.creditCode', 'party.orgCode', 'party.registrationNumber', 'party.taxNumber'].some((k) => f[k] !== undefined);
    if (resident !== undefined && !orgCodes) {
      party.category = '02';
      party.idType = '01';
      party.idNumber = resident;
      // Legacy files often repeat the person's own name as 法定代表人姓名; a 自然人 has no representative.
      if (party.legalRepresentative === party.name) party.legalRepresentative = undefined;
    } else {
      party.category = '01';
      // With an organisation, the 居民身份证号 can only be the legal representative's.
      if (resident !== undefined) Object.assign(party, { legalRepresentativeIdType: '01', legalRepresentativeIdNumber: resident });
    }
  }
  return party;
}
