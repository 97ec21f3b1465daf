/**
 * 行政相对人 block of a 行政处罚 decision: national 双公示 fields #1–#13 (docs/fields.md#penalty-fields), current
 * format (代码_2 = 工商注册号, 代码_3 = 组织机构代码; the legacy format swaps them, docs/fields.md#legacy-format:
 * importers map, this schema does not guess). Strict: home address, phone, bank account, third-party names have
 * no field and are refused by name (docs/personal-data.md#never-published, issue 4 item 5). ID numbers arrive raw here and are masked by
 * preparePartyForStorage (src/domain/penalty-party.ts) before the first write; the response shape
 * PenaltyPartyPublic only ever carries the masked form.
 */
import { z } from 'zod';
import { ID_DOCUMENT_TYPES, OTHER_ID_DOCUMENT_PREFIX, type IdDocumentTypeCode } from '../codes/id-document-types.js';
import { PartyCategory, type PartyCategoryCode } from '../codes/party-categories.js';
import { creditCodeMessages, isCreditCode, orgCodeCheckChar } from '../lib/credit-code.js';
import {
  partyCode1Messages,
  partyCode1Problem,
  registrationNumberMessages,
  registrationNumberProblem,
  registrationNumberRequired,
  type PartyCategory as PartyCategoryName,
} from '../lib/party-codes.js';
import { residentIdMessages, residentIdProblem } from '../lib/resident-id.js';
import { guarded, identifierSlot, line } from './text.js';

const NAME_OF: Record<PartyCategoryCode, PartyCategoryName> = { '01': '法人及非法人组织', '02': '自然人', '03': '个体工商户' };
export const RESIDENT_ID_TYPE = '01';

type ListedIdType = Exclude<IdDocumentTypeCode, '99'>;
const LISTED_ID_TYPES = ID_DOCUMENT_TYPES.filter((t) => !t.specify).map((t) => t.code) as [ListedIdType, ...ListedIdType[]];
// The national value list ends in free text "其他-<证件名称>" (varchar(64)); a bare '99' would name no document.
const OTHER_ID_TYPE = new RegExp(`^${OTHER_ID_DOCUMENT_PREFIX}[^\\u0000-\\u001f\\ud800-\\udfff]{1,61}$`, 'u');
const idTypeLegend = ID_DOCUMENT_TYPES.filter((t) => !t.specify).map((t) => `${t.code} ${t.name}`).join(', ');

const idType = (title: string, column: string) =>
  z
    .union([z.literal(LISTED_ID_TYPES), guarded('refused').regex(OTHER_ID_TYPE, `证件类型: a code (${idTypeLegend}) or "其他-<证件名称>".`).meta({ maxLength: 64 })])
    .meta({ title, description: `${column}. ${idTypeLegend}, or free text "其他-<证件名称>" (e.g. 其他-军官证).`, example: '01' });

// 1–64 characters for every document; an 18-digit 身份证 is additionally checked against GB 11643 below.
const idNumber = (title: string, column: string) =>
  identifierSlot(64).meta({ title, description: `${column}. Sent raw; stored and published only masked (first 6 and last 4 kept by default).` });

const ORG_CODE = /^[0-9A-Z]{8}[0-9X]$/;

/** Fields #1–#13 in national order. */
const partyFields = {
  name: line(200).meta({ title: '行政相对人名称', description: 'CF_XDR_MC.', example: '示例市某某贸易有限公司' }),
  category: PartyCategory.meta({ title: '行政相对人类别', description: 'CF_XDR_LB. 01 法人及非法人组织, 02 自然人, 03 个体工商户.' }),
  creditCode: guarded('refused', { provenCode: isCreditCode }).max(18).optional().meta({
    title: '行政相对人代码_1(统一社会信用代码)',
    description: 'CF_XDR_SHXYM. GB 32100 code; a 个体工商户 without one gives 00000000000000000X and then registrationNumber.',
    example: '91440101MA59TEST4X',
  }),
  registrationNumber: guarded('refused').max(50).optional().meta({ title: '行政相对人代码_2(工商注册号)', description: 'CF_XDR_GSZC. 15 digits with the MOD 11,10 check digit.' }),
  orgCode: z.string().regex(ORG_CODE, '组织机构代码 must be 9 characters: 8 digits or capital letters and a check character.').meta({ maxLength: 9 }).optional()
    .meta({ title: '行政相对人代码_3(组织机构代码)', description: 'CF_XDR_ZZJG. GB 11714, 9 characters without hyphen.' }),
  taxNumber: guarded('masked').regex(/^[0-9A-Z]{15,20}$/, '税务登记号 must be 15–20 digits or capital letters.').meta({ maxLength: 20 }).optional()
    .meta({ title: '行政相对人代码_4(税务登记号)', description: 'CF_XDR_SWDJ.' }),
  institutionCertificate: identifierSlot(64).optional().meta({ title: '行政相对人代码_5(事业单位证书号)', description: 'CF_XDR_SYDW.' }),
  socialOrgCertificate: identifierSlot(64).optional().meta({ title: '行政相对人代码_6(社会组织登记证号)', description: 'CF_XDR_SHZZ.' }),
  legalRepresentative: line(50).optional().meta({ title: '法定代表人', description: 'CF_FRDB. Required unless the party is a 自然人.' }),
  legalRepresentativeIdType: idType('法定代表人证件类型', 'CF_FR_ZJLX').optional(),
  legalRepresentativeIdNumber: idNumber('法定代表人证件号码', 'CF_FR_ZJHM').optional(),
  idType: idType('证件类型', 'CF_XDR_ZJLX. Required for a 自然人').optional(),
  idNumber: idNumber('证件号码', 'CF_XDR_ZJHM. Required for a 自然人').optional(),
};

type PartyShape = z.output<z.ZodObject<typeof partyFields>>;

/** GB 11643 for a 身份证; the other document types are only bounded (1–64 characters). */
function checkIdPair(p: PartyShape, type: 'idType' | 'legalRepresentativeIdType', num: 'idNumber' | 'legalRepresentativeIdNumber', ctx: z.RefinementCtx) {
  const t = p[type];
  const n = p[num];
  if (n !== undefined && t === undefined) ctx.addIssue({ code: 'custom', path: [type], message: '证件类型 is required with a 证件号码.' });
  if (t !== undefined && n === undefined) ctx.addIssue({ code: 'custom', path: [num], message: '证件号码 is required with a 证件类型.' });
  if (t === RESIDENT_ID_TYPE && n !== undefined) {
    const problem = residentIdProblem(n);
    if (problem) ctx.addIssue({ code: 'custom', path: [num], message: residentIdMessages[problem] });
  }
}

/** Category-dependent rules (national fields #3, #4, #9, #12, #13); each issue names the one field to fix. */
function checkParty(p: PartyShape, ctx: z.RefinementCtx) {
  const category = NAME_OF[p.category];
  const issue = (field: keyof PartyShape, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });

  if (category === '自然人') {
    // With only one of the pair given, checkIdPair names the missing one.
    if (p.idType === undefined && p.idNumber === undefined) {
      issue('idType', '证件类型 is required for a 自然人.');
      issue('idNumber', '证件号码 is required for a 自然人.');
    }
    // A natural person has no legal representative; a name here would publish a third person (docs/personal-data.md).
    for (const f of ['legalRepresentative', 'legalRepresentativeIdType', 'legalRepresentativeIdNumber'] as const) {
      if (p[f] !== undefined) issue(f, 'A 自然人 has no 法定代表人: leave this field out.');
    }
  } else {
    if (p.creditCode === undefined) issue('creditCode', `行政相对人代码_1 (统一社会信用代码) is required for a ${category}.`);
    if (p.legalRepresentative === undefined) issue('legalRepresentative', `法定代表人 is required for a ${category}.`);
    // The person's own ID slots (#12/#13) belong to 自然人; a representative's go to legalRepresentativeId*.
    for (const f of ['idType', 'idNumber'] as const) {
      if (p[f] !== undefined) issue(f, `Only a 自然人 has 证件类型/证件号码; use legalRepresentativeIdType/legalRepresentativeIdNumber.`);
    }
  }

  if (p.creditCode !== undefined) {
    const problem = partyCode1Problem(category, p.creditCode);
    if (problem) issue('creditCode', problem === 'placeholder-not-individual-business' ? partyCode1Messages[problem] : creditCodeMessages[problem]);
  }
  if (p.creditCode !== undefined && registrationNumberRequired(category, p.creditCode) && p.registrationNumber === undefined) {
    issue('registrationNumber', '工商注册号 is required when 行政相对人代码_1 is the placeholder 00000000000000000X.');
  }
  if (p.registrationNumber !== undefined) {
    const problem = registrationNumberProblem(p.registrationNumber);
    if (problem) issue('registrationNumber', registrationNumberMessages[problem]);
  }
  if (p.orgCode !== undefined && ORG_CODE.test(p.orgCode) && orgCodeCheckChar(p.orgCode.slice(0, 8)) !== p.orgCode[8]) {
    issue('orgCode', '组织机构代码 check character (position 9, GB 11714 mod 11) does not match.');
  }
  checkIdPair(p, 'idType', 'idNumber', ctx);
  checkIdPair(p, 'legalRepresentativeIdType', 'legalRepresentativeIdNumber', ctx);
}

export const PenaltyParty = z.strictObject(partyFields).superRefine(checkParty).meta({
  id: 'PenaltyParty',
  title: '行政相对人',
  description: 'National fields #1–#13. Unknown fields (home address, phone, bank account, other persons) are refused.',
});
export type PenaltyParty = z.output<typeof PenaltyParty>;

const masked = (title: string, column: string) =>
  z.string().nullable().meta({ title, description: `${column}. Masked (脱敏) before storage; the raw number is never kept.`, example: '110105********002X' });

/** The party as stored and published: absent slots are null; ID numbers are masked. */
export const PenaltyPartyPublic = z
  .object({
    name: partyFields.name,
    category: partyFields.category,
    categoryName: z.string().optional().meta({ title: '行政相对人类别名称', description: 'The national name of the category. Absent in versions published before names were added.' }),
    creditCode: z.string().nullable().meta({ title: '行政相对人代码_1(统一社会信用代码)', description: 'CF_XDR_SHXYM.' }),
    registrationNumber: z.string().nullable().meta({ title: '行政相对人代码_2(工商注册号)', description: 'CF_XDR_GSZC.' }),
    orgCode: z.string().nullable().meta({ title: '行政相对人代码_3(组织机构代码)', description: 'CF_XDR_ZZJG.' }),
    taxNumber: z.string().nullable().meta({ title: '行政相对人代码_4(税务登记号)', description: 'CF_XDR_SWDJ.' }),
    institutionCertificate: z.string().nullable().meta({ title: '行政相对人代码_5(事业单位证书号)', description: 'CF_XDR_SYDW.' }),
    socialOrgCertificate: z.string().nullable().meta({ title: '行政相对人代码_6(社会组织登记证号)', description: 'CF_XDR_SHZZ.' }),
    legalRepresentative: z.string().nullable().meta({ title: '法定代表人', description: 'CF_FRDB.' }),
    legalRepresentativeIdType: z.string().nullable().meta({ title: '法定代表人证件类型', description: 'CF_FR_ZJLX.' }),
    legalRepresentativeIdTypeName: z.string().nullable().optional().meta({ title: '法定代表人证件类型名称', description: 'The national name of the document type (the text after 其他- for another document). Absent in versions published before names were added.' }),
    legalRepresentativeIdNumber: masked('法定代表人证件号码', 'CF_FR_ZJHM'),
    idType: z.string().nullable().meta({ title: '证件类型', description: 'CF_XDR_ZJLX.' }),
    idTypeName: z.string().nullable().optional().meta({ title: '证件类型名称', description: 'The national name of the document type (the text after 其他- for another document). Absent in versions published before names were added.' }),
    idNumber: masked('证件号码', 'CF_XDR_ZJHM'),
  })
  .meta({ id: 'PenaltyPartyPublic', title: '行政相对人', description: 'As published: ID numbers masked.' });
export type PenaltyPartyPublic = z.output<typeof PenaltyPartyPublic>;
