import { problems } from '../errors.js';

/** Who is calling: the platform operator (ADMIN_TOKEN) or one agency's writer key. */
export type Principal =
  | { kind: 'admin' }
  | { kind: 'key'; keyId: string; agencyId: string; scopes: readonly string[] };

export type Scope = 'publish' | 'admin';

/**
 * 谁执法谁公示: the server decides which agency a write belongs to. The operator may act for any agency;
 * a key only for its own agency, and only within its scopes.
 */
export function assertActsFor(principal: Principal, agencyId: string, scope: Scope): void {
  if (principal.kind === 'admin') return;
  if (principal.agencyId !== agencyId) {
    throw problems.forbidden("This key belongs to another agency; it may write only its own agency's records.");
  }
  if (!principal.scopes.includes(scope)) {
    throw problems.forbidden(`This key lacks the "${scope}" scope.`);
  }
}

export function assertAdmin(principal: Principal): void {
  if (principal.kind !== 'admin') throw problems.forbidden('Only the platform operator may do this.');
}

/** The server acting on its own (publicity expiry): recorded as actor kind "system". */
export const SYSTEM = { kind: 'system' } as const;
/** Anyone, without a key: the one write open to all is a bounded random contribution to a draw. */
export const PUBLIC = { kind: 'public' } as const;
export type Actor = Principal | typeof SYSTEM | typeof PUBLIC;

export function actorColumns(principal: Actor) {
  if (principal.kind === 'system' || principal.kind === 'public') return { actorKind: principal.kind, actorKeyId: null, actorAgencyId: null };
  return principal.kind === 'admin'
    ? { actorKind: 'admin', actorKeyId: null, actorAgencyId: null }
    : { actorKind: 'key', actorKeyId: principal.keyId, actorAgencyId: principal.agencyId };
}

/**
 * The agency a new record belongs to. A key writes for its own agency (naming another is 403); the
 * operator must name one. The client never chooses the owner on its own authority.
 */
export function owningAgency(principal: Principal, requested: string | undefined, scope: Scope = 'publish'): string {
  if (principal.kind === 'admin') {
    if (!requested) throw problems.unprocessable([{ in: 'body', pointer: '/agencyId', detail: 'The operator must name the agency this record belongs to.' }]);
    return requested;
  }
  assertActsFor(principal, requested ?? principal.agencyId, scope);
  return principal.agencyId;
}
