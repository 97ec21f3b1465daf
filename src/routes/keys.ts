import { defineRoute } from '../registry.js';
import { IdParams } from '../schemas/common.js';
import { ApiKey, ApiKeyWithSecret, KeyCreate, KeyListQuery } from '../schemas/keys.js';
import { createKey, listKeys, revokeKey, toApiKey } from '../domain/keys.js';
import { z } from 'zod';

const tag = 'keys';
const KeyList = z.object({ items: z.array(ApiKey).meta({ title: '密钥列表' }) }).meta({ id: 'ApiKeyList', title: '写入密钥列表' });

export const keyRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/keys',
    operationId: 'createKey',
    summary: '新建写入密钥',
    description:
      'The operator, or an `admin`-scoped key of the same agency. The secret is in this response only; the server keeps just its hash, so this POST cannot be replayed with Idempotency-Key: if the answer is lost, revoke that key and create another.',
    tag,
    auth: true,
    secretInResponse: true,
    body: KeyCreate,
    problems: [422],
    responses: { 201: { description: 'Created; store the secret now.', schema: ApiKeyWithSecret } },
    handler: async ({ db, principal, now, body }) => {
      const { row, secret } = await createKey(db, principal, now(), body);
      return { status: 201 as const, body: { ...toApiKey(row), secret }, headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/keys',
    operationId: 'listKeys',
    summary: '写入密钥列表',
    description: 'Keys without their secrets. The operator sees all (or one agency with agencyId); an admin key sees its own agency.',
    tag,
    auth: true,
    query: KeyListQuery,
    responses: { 200: { description: 'The keys.', schema: KeyList } },
    handler: async ({ db, principal, query }) => {
      const rows = await listKeys(db, principal, query.agencyId);
      return { status: 200 as const, body: { items: rows.map(toApiKey) }, headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/keys/{id}',
    operationId: 'revokeKey',
    summary: '吊销写入密钥',
    description: 'Revokes at once; the key row is kept for the audit trail. Revoking twice is harmless.',
    tag,
    auth: true,
    params: IdParams,
    problems: [404],
    responses: { 200: { description: 'The revoked key.', schema: ApiKey } },
    handler: async ({ db, principal, now, params }) => {
      return { status: 200 as const, body: toApiKey(await revokeKey(db, principal, now(), params.id)) };
    },
  }),
];
