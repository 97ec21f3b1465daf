import type { AppConfig } from './context.js';
import type { Env } from './env.js';
import bundledCalendarData from './data/calendar-cn.json' with { type: 'json' };
import { maskingRuleSchema } from './lib/masking.js';
import { loadPublicityRules } from './lib/publicity-period.js';
import { CalendarDataSchema, loadCalendar } from './lib/working-days.js';

type Rules = Pick<AppConfig, 'masking' | 'publicityRegime' | 'calendar' | 'publicityRules'>;

/**
 * The operator's rules from configuration, without a code change: masking, default regime, and data files
 * that extend or correct the official calendar (a year in the file replaces the bundled year) or replace the
 * publicity rule table. Invalid files stop the server at start, naming the bad entries.
 */
export function rulesConfig(env: Env, readJson: (path: string) => unknown): Rules {
  const rules: Rules = {};
  if (env.MASK_KEEP_START !== undefined || env.MASK_KEEP_END !== undefined) {
    rules.masking = maskingRuleSchema.parse({ keepStart: env.MASK_KEEP_START ?? 6, keepEnd: env.MASK_KEEP_END ?? 4 });
  }
  if (env.PUBLICITY_REGIME) rules.publicityRegime = env.PUBLICITY_REGIME;
  if (env.CALENDAR_FILE) {
    const extra = CalendarDataSchema.parse(readJson(env.CALENDAR_FILE));
    rules.calendar = loadCalendar({
      source: `${bundledCalendarData.source}; ${extra.source}`,
      years: { ...bundledCalendarData.years, ...extra.years },
    });
  }
  if (env.PUBLICITY_RULES_FILE) rules.publicityRules = loadPublicityRules(readJson(env.PUBLICITY_RULES_FILE));
  return rules;
}
