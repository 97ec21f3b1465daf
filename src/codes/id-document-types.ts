/**
 * 证件类型 of a natural person or a legal representative (national 双公示 template, fields 10 and 12 of both
 * kinds; docs/code-lists.md#id-document-types). Names from the template's filling notes (which write "护照号");
 * codes 01–05 as one provincial implementation numbers them, not national. The national list also allows free
 * text "其他-<证件名称>": entry 99 stands for it (`specify`: the value must name the document).
 * The zod enum and GET /v1/code-lists/id-document-types derive from this list.
 */
import { codeList } from './code-list.js';

/** Prefix of a free-text 证件类型 outside the list (entry 99). */
export const OTHER_ID_DOCUMENT_PREFIX = '其他-';

export const ID_DOCUMENT_TYPES = [
  { code: '01', name: '身份证', specify: false },
  { code: '02', name: '护照', specify: false },
  { code: '03', name: '港澳居民来往内地通行证', specify: false },
  { code: '04', name: '台湾居民来往大陆通行证', specify: false },
  { code: '05', name: '外国人永久居留身份证', specify: false },
  {
    code: '99',
    name: '其他',
    specify: true,
    note: 'Any other document, given as free text "其他-<证件名称>" (e.g. 其他-军官证); the name after the prefix is required.',
  },
] as const;

const idDocumentTypes = codeList(ID_DOCUMENT_TYPES, { path: 'id-document-types', title: '证件类型', example: '01' });
export const IdDocumentType = idDocumentTypes.schema;
export type IdDocumentTypeCode = (typeof idDocumentTypes.codes)[number];
