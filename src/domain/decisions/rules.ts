import type { AppConfig } from '../../context.js';
import { DEFAULT_MASKING_RULE, type MaskingRule } from '../../lib/masking.js';
import { DEFAULT_PUBLICITY_RULES, type PublicityRules, type Regime } from '../../lib/publicity-period.js';
import { bundledCalendar, type WorkCalendar } from '../../lib/working-days.js';

/** The operator-configurable rules a decision write applies (each defaults to the bundled data). */
export interface DecisionRules {
  masking: MaskingRule;
  publicityRules: PublicityRules;
  publicityRegime: Regime;
  calendar: WorkCalendar;
}

export function decisionRules(config: AppConfig): DecisionRules {
  return {
    masking: config.masking ?? DEFAULT_MASKING_RULE,
    publicityRules: config.publicityRules ?? DEFAULT_PUBLICITY_RULES,
    publicityRegime: config.publicityRegime ?? 'credit',
    calendar: config.calendar ?? bundledCalendar(),
  };
}
