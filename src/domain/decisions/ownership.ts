import { problems, type FieldError } from '../../errors.js';
import { assertActsFor, type Principal } from '../principal.js';

/**
 * 谁执法谁公示 for a list of new decisions: a key publishes only for its own agency (naming another is a
 * 403 naming every such item); the operator names the agency of each. Returns the owner of each item.
 */
export function ownersOf(principal: Principal, items: { agencyId?: string | undefined }[], at: (i: number) => string): string[] {
  if (principal.kind === 'admin') {
    const missing: FieldError[] = [];
    const owners = items.map((item, i) => {
      if (!item.agencyId) missing.push({ in: 'body', pointer: `${at(i)}/agencyId`, detail: 'The operator must name the deciding agency.' });
      return item.agencyId ?? '';
    });
    if (missing.length) throw problems.unprocessable(missing);
    return owners;
  }
  assertActsFor(principal, principal.agencyId, 'publish');
  const foreign: FieldError[] = items.flatMap((item, i) =>
    item.agencyId && item.agencyId !== principal.agencyId
      ? [{ in: 'body' as const, pointer: `${at(i)}/agencyId`, detail: "Another agency's decision: a key publishes only its own agency's decisions." }]
      : [],
  );
  if (foreign.length) throw problems.forbidden("This key may publish only its own agency's decisions.", foreign);
  return items.map(() => principal.agencyId);
}
