import type { FieldError } from '../../errors.js';
import { computePublicityPeriod, PublicityError, validateOverride } from '../../lib/publicity-period.js';
import type { Penalty, PenaltyCreate } from '../../schemas/penalties.js';
import type { DecisionRules } from '../decisions/rules.js';

export type StoredPublicity = Penalty['publicity'];

/**
 * The publicity period of a penalty from the operator's rule table: the row for its regime, severity and
 * types, then the agency's own end date if it lies within the allowed range. 轻微 credit information is
 * not published in principle: only an explicit end date (≤ 3 months) publishes it.
 */
export function publicityOf(input: PenaltyCreate, rules: DecisionRules, publishedOn: string, at: string, errors: FieldError[]): StoredPublicity | null {
  const regime = input.publicity?.regime ?? rules.publicityRegime;
  const severity = regime === 'credit' ? (input.publicity?.severity ?? '一般') : null;
  try {
    const period = computePublicityPeriod(
      {
        regime,
        decisionDate: input.decisionDate,
        types: input.penaltyTypes,
        ...(severity ? { severity } : {}),
        ...(input.publicity?.lowAmountFine !== undefined ? { lowAmountFine: input.publicity.lowAmountFine } : {}),
        ...(input.publicity?.restrictionEndDate ? { restrictionEndDate: input.publicity.restrictionEndDate } : {}),
        publishedOn: publishedOn < input.decisionDate ? input.decisionDate : publishedOn,
      },
      rules.publicityRules,
    );
    let endDate = period.defaultEnd;
    if (input.publicityEndDate !== undefined) {
      try {
        endDate = validateOverride(input.publicityEndDate, period);
      } catch (err) {
        if (!(err instanceof PublicityError)) throw err;
        errors.push({ in: 'body', pointer: `${at}/publicityEndDate`, detail: err.message });
        return null;
      }
    } else if (!period.publish) {
      errors.push({
        in: 'body',
        pointer: `${at}/publicity`,
        detail: `Rule ${period.ruleId}: this penalty is not published in principle. Give publicityEndDate (at most ${period.maxEnd}) if publication is deemed necessary.`,
      });
      return null;
    }
    return {
      ruleId: period.ruleId,
      regime,
      severity,
      endDate,
      overridden: input.publicityEndDate !== undefined,
      earliestTerminationDate: period.minEnd,
      earlyTerminationExcluded: period.earlyTerminationExcluded,
    };
  } catch (err) {
    if (!(err instanceof PublicityError)) throw err;
    errors.push({ in: 'body', pointer: `${at}/publicity`, detail: err.message });
    return null;
  }
}
