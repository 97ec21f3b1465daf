import { z } from 'zod';
import { Id, Timestamp } from './common.js';
import { line } from './text.js';

const SCOPES = ['publish', 'admin'] as const;
const Scope = z.enum(SCOPES).meta({
  title: '权限范围',
  description: 'publish = write this agency\'s published records; admin = manage this agency\'s profile and keys.',
});

export const KeyCreate = z
  .strictObject({
    agencyId: Id.meta({ title: '所属执法主体' }),
    name: line(100).meta({ title: '密钥名称', example: '执法支队发布系统' }),
    scopes: z.array(Scope).min(1).max(2).default(['publish']).meta({ title: '权限范围' }),
  })
  .meta({ title: '新建写入密钥' });
export type KeyCreate = z.output<typeof KeyCreate>;

export const ApiKey = z
  .object({
    id: Id,
    agencyId: Id.meta({ title: '所属执法主体' }),
    name: z.string().meta({ title: '密钥名称' }),
    scopes: z.array(Scope).meta({ title: '权限范围' }),
    prefix: z.string().meta({ title: '密钥前缀', description: 'First characters of the secret, to recognise it.' }),
    createdAt: Timestamp.meta({ title: '创建时间' }),
    revokedAt: Timestamp.nullable().meta({ title: '吊销时间' }),
  })
  .meta({ id: 'ApiKey', title: '写入密钥' });
export type ApiKey = z.output<typeof ApiKey>;

export const ApiKeyWithSecret = ApiKey.extend({
  secret: z.string().meta({ title: '密钥', description: 'Shown once, in this response only; only its hash is stored.' }),
}).meta({ id: 'ApiKeyWithSecret', title: '新建的写入密钥' });

export const KeyListQuery = z.strictObject({
  agencyId: Id.optional().meta({ title: '所属执法主体' }),
});
