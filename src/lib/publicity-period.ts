/**
 * How long a penalty stays on public display (公示期限) and when early termination (信用修复 / 提前停止公示) may be
 * requested, from the rule table src/data/publicity-rules.json (docs/publicity-and-repair.md#rule-table; each rule
 * marked C/S/U there, so an operator can correct it without a code change). Two regimes:
 *   credit = 国家发展改革委令第36号 (credit websites): tier by severity 轻微 / 一般 / 严重, periods from the decision date;
 *   samr   = 总局令第45号 (国家企业信用信息公示系统): tier by penalty types, periods from publication (the decision date
 *            when no publication date is given), restriction periods longer than the table extend it, and some
 *            types exclude early stop.
 * With several penalty types the first matching tier applies; tiers are ordered from the narrowest.
 *
 * Dates are ISO calendar dates, never Date objects. Adding months clamps to the month's last day (民法典 art. 202)
 * (2024-01-31 + 1 month = 2024-02-29; 2023-01-31 + 1 month = 2023-02-28), so a period never spills into the month
 * after; the end date is the day the period expires, when the record leaves public lists.
 */
import { z } from 'zod';
import bundled from '../data/publicity-rules.json' with { type: 'json' };

export class PublicityError extends Error {
  override name = 'PublicityError';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRealDate = (s: string) => {
  const m = ISO_DATE.exec(s);
  return !!m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) === s;
};

/** Calendar-month addition with end-of-month clamping (see the header). */
export function addMonths(date: string, months: number): string {
  if (!isRealDate(date)) throw new PublicityError(`${JSON.stringify(date)} is not a real YYYY-MM-DD date.`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const SEVERITIES = ['轻微', '一般', '严重'] as const;
type Severity = (typeof SEVERITIES)[number];
const Confidence = z.enum(['C', 'S', 'U']);
const TypeCode = z.string().regex(/^\d{2}$/);
const Months = z.number().int().min(0).max(1200);

const Tier = z
  .strictObject({
    id: z.string().min(1).meta({ title: '规则条目' }),
    severity: z.enum(SEVERITIES).optional().meta({ title: '失信程度' }),
    onlyTypes: z.array(TypeCode).min(1).optional().meta({ title: '仅适用的处罚类别' }),
    lowFineCounts: z.boolean().optional().meta({ title: '较低数额罚款视同' }),
    publish: z.boolean().meta({ title: '原则上公示' }),
    minMonths: Months.meta({ title: '最短公示月数' }),
    defaultMonths: Months.meta({ title: '默认公示月数' }),
    maxMonths: Months.meta({ title: '最长公示月数' }),
    confidence: Confidence.meta({ title: '来源可信度', description: 'C = full primary text, S = secondary source, U = unconfirmed.' }),
    minConfidence: Confidence.meta({ title: '最短期限可信度' }),
    note: z.string().optional().meta({ title: '说明' }),
  })
  .refine((t) => t.minMonths <= t.maxMonths && t.defaultMonths <= t.maxMonths && (!t.publish || t.minMonths <= t.defaultMonths), {
    message: 'months must satisfy min <= default <= max (default may be below min only for unpublished tiers)',
  })
  .meta({ title: '公示期限规则条目' });

const Regime = z
  .strictObject({
    title: z.string().min(1).meta({ title: '名称' }),
    sources: z.array(z.string()).meta({ title: '来源' }),
    start: z.enum(['decision', 'publication']).meta({ title: '起算日', description: 'decision = 决定日期; publication = 公示日期.' }),
    severityRequired: z.boolean().meta({ title: '须注明失信程度' }),
    excludedTypes: z.array(TypeCode).meta({ title: '不得提前停止公示的处罚类别' }),
    excludedNote: z.string().optional().meta({ title: '说明' }),
    restrictionTypes: z.array(TypeCode).meta({ title: '按限制期限公示的处罚类别' }),
    tiers: z.array(Tier).min(1).meta({ title: '规则条目' }),
  })
  .meta({ title: '公示规则' });

export const PublicityRulesSchema = z
  .strictObject({
    source: z.string().meta({ title: '来源' }),
    penaltyTypes: z
      .strictObject({ source: z.string().meta({ title: '来源' }), codes: z.record(TypeCode, z.string().min(1)).meta({ title: '处罚类别代码' }) })
      .meta({ title: '处罚类别' }),
    regimes: z.strictObject({ credit: Regime.meta({ title: '信用网站' }), samr: Regime.meta({ title: '国家企业信用信息公示系统' }) }).meta({ title: '公示规则' }),
  })
  .superRefine((r, ctx) => {
    for (const [name, regime] of Object.entries(r.regimes)) {
      const codes = [...regime.excludedTypes, ...regime.restrictionTypes, ...regime.tiers.flatMap((t) => t.onlyTypes ?? [])];
      for (const c of codes) if (!(c in r.penaltyTypes.codes)) ctx.addIssue({ code: 'custom', path: ['regimes', name], message: `unknown penalty type ${c}` });
      const last = regime.tiers.at(-1)!;
      if (!regime.severityRequired && last.onlyTypes) ctx.addIssue({ code: 'custom', path: ['regimes', name, 'tiers'], message: 'the last tier must match any types (no onlyTypes)' });
    }
  });
export type PublicityRules = z.infer<typeof PublicityRulesSchema>;
export type Regime = keyof PublicityRules['regimes'];

/** Validates an operator-edited rule table; throws with every problem listed. */
export function loadPublicityRules(data: unknown): PublicityRules {
  const r = PublicityRulesSchema.safeParse(data);
  if (!r.success) throw new PublicityError(`Invalid publicity rules: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}
export const DEFAULT_PUBLICITY_RULES = loadPublicityRules(bundled);

export interface PenaltyForPublicity {
  regime: Regime;
  decisionDate: string;
  /** Penalty type codes (docs/code-lists.md#penalty-types), at least one. */
  types: string[];
  severity?: Severity;
  /** samr: the fine is 较低数额 under the provincial threshold. */
  lowAmountFine?: boolean;
  /** samr: periods run from publication. */
  publishedOn?: string;
  /** End of a 限制开展生产经营活动 / 限制从业 restriction. */
  restrictionEndDate?: string;
}

export interface PublicityPeriod {
  ruleId: string;
  start: string;
  /** false: not published by default (an override within [minEnd, maxEnd] may still publish it). */
  publish: boolean;
  defaultEnd: string;
  /** Earliest date early termination may be requested (= maxEnd when excluded). */
  minEnd: string;
  maxEnd: string;
  earlyTerminationExcluded: boolean;
  /** The submitted types that exclude early termination. */
  excludingTypes: string[];
}

export function computePublicityPeriod(p: PenaltyForPublicity, rules: PublicityRules = DEFAULT_PUBLICITY_RULES): PublicityPeriod {
  const regime = rules.regimes[p.regime];
  if (!regime) throw new PublicityError(`Unknown regime ${JSON.stringify(p.regime)}: expected credit or samr.`);
  if (!isRealDate(p.decisionDate)) throw new PublicityError(`decisionDate ${JSON.stringify(p.decisionDate)} is not a real YYYY-MM-DD date.`);
  if (p.types.length === 0) throw new PublicityError('At least one penalty type is required.');
  for (const t of p.types) if (!(t in rules.penaltyTypes.codes)) throw new PublicityError(`Unknown penalty type ${JSON.stringify(t)}.`);
  if (regime.severityRequired && !p.severity) throw new PublicityError(`The ${p.regime} regime needs a severity (轻微 / 一般 / 严重).`);
  for (const [field, d] of [['publishedOn', p.publishedOn], ['restrictionEndDate', p.restrictionEndDate]] as const) {
    if (d === undefined) continue;
    if (!isRealDate(d)) throw new PublicityError(`${field} ${JSON.stringify(d)} is not a real YYYY-MM-DD date.`);
    if (d < p.decisionDate) throw new PublicityError(`${field} ${d} is before the decision date ${p.decisionDate}.`);
  }

  const types = new Set(p.types);
  const tier = regime.tiers.find(
    (t) =>
      (!t.severity || t.severity === p.severity) &&
      (!t.onlyTypes || [...types].every((c) => t.onlyTypes!.includes(c) || (t.lowFineCounts && p.lowAmountFine && c === '02'))),
  );
  if (!tier) throw new PublicityError(`No ${p.regime} publicity rule matches severity ${p.severity ?? '(none)'} and types ${p.types.join(', ')}.`);

  const start = regime.start === 'publication' && p.publishedOn ? p.publishedOn : p.decisionDate;
  let defaultEnd = addMonths(start, tier.defaultMonths);
  let maxEnd = addMonths(start, tier.maxMonths);
  let minEnd = addMonths(start, tier.minMonths);
  // A restriction longer than the table's period is published for its actual length (总局令45号 art. 13).
  const restricted = p.types.some((c) => regime.restrictionTypes.includes(c));
  if (restricted && tier.publish && p.restrictionEndDate && p.restrictionEndDate > maxEnd) {
    defaultEnd = maxEnd = p.restrictionEndDate;
  }
  const excludingTypes = p.types.filter((c) => regime.excludedTypes.includes(c));
  const earlyTerminationExcluded = excludingTypes.length > 0;
  if (earlyTerminationExcluded) minEnd = maxEnd;
  return { ruleId: tier.id, start, publish: tier.publish, defaultEnd, minEnd, maxEnd, earlyTerminationExcluded, excludingTypes };
}

/** A per-record end date must lie within [minEnd, maxEnd]; returns it, or throws naming the allowed range. */
export function validateOverride(endDate: string, computed: PublicityPeriod): string {
  if (!isRealDate(endDate)) throw new PublicityError(`Publicity end date ${JSON.stringify(endDate)} is not a real YYYY-MM-DD date.`);
  if (endDate < computed.minEnd || endDate > computed.maxEnd) {
    throw new PublicityError(
      `Publicity end date ${endDate} is outside the allowed range ${computed.minEnd} to ${computed.maxEnd} (rule ${computed.ruleId}).`,
    );
  }
  return endDate;
}
