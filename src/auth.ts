import type { MiddlewareHandler } from 'hono';
import { problems } from './errors.js';
import { findActiveKeyBySecret } from './domain/keys.js';
import { secretsEqual } from './lib/secrets.js';
import type { AppEnv } from './context.js';

/** Resolves the bearer credential to a principal: the operator token, or an unrevoked agency key. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  if (!match) throw problems.unauthenticated();
  const secret = match[1]!;
  const { db, config } = c.get('services');
  if (config.adminToken && (await secretsEqual(secret, config.adminToken))) {
    c.set('principal', { kind: 'admin' });
    return next();
  }
  const key = await findActiveKeyBySecret(db, secret);
  if (!key) throw problems.unauthenticated('The key is unknown or has been revoked.');
  c.set('principal', { kind: 'key', keyId: key.id, agencyId: key.agencyId, scopes: key.scopes });
  return next();
};
