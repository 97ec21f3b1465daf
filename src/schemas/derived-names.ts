/**
 * The national names responses carry beside coded values (`category` → `categoryName`). They follow from the
 * code, so they are never stored: a merge patch may carry them (a client sends back what it read) and they
 * are ignored, the code deciding the name.
 */
import { z } from 'zod';
import { line } from './text.js';

/** Coded field → the name field beside it in responses: one name, or one per code. */
const DERIVED_NAMES = {
  category: { name: 'categoryName', title: '类别名称', many: false },
  idType: { name: 'idTypeName', title: '证件类型名称', many: false },
  legalRepresentativeIdType: { name: 'legalRepresentativeIdTypeName', title: '法定代表人证件类型名称', many: false },
  actionType: { name: 'actionTypeName', title: '执法类别名称', many: false },
  penaltyTypes: { name: 'penaltyTypeNames', title: '处罚类别名称', many: true },
  riskClass: { name: 'riskClassName', title: '信用风险分类名称', many: false },
  riskClasses: { name: 'riskClassNames', title: '信用风险分类名称', many: true },
  methods: { name: 'methodNames', title: '抽查方式名称', many: true },
} as const;

const NAME_KEYS: ReadonlySet<string> = new Set(Object.values(DERIVED_NAMES).map((d) => d.name));

const IGNORED = 'Read-only: accepted so a record read can be sent back, and ignored; the name follows the code.';

/** The read-only name fields a merge patch over `shape` accepts: one beside each coded field it has. */
export function derivedNameFields(shape: Record<string, unknown>): Record<string, z.ZodOptional<z.ZodType>> {
  const out: Record<string, z.ZodOptional<z.ZodType>> = {};
  for (const [code, { name, title, many }] of Object.entries(DERIVED_NAMES)) {
    if (!(code in shape) || name in shape) continue;
    // Guarded like every string a route accepts, though it is dropped: no route takes personal data unread.
    const value = many ? z.array(line(200).meta({ title })).max(100) : line(200).nullable();
    out[name] = value.optional().meta({ title, description: IGNORED, readOnly: true });
  }
  return out;
}

/** A merge patch without the read-only names, at any depth. */
export function withoutDerivedNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDerivedNames);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !NAME_KEYS.has(key)).map(([key, v]) => [key, withoutDerivedNames(v)]));
}
