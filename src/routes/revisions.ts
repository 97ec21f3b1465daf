import { z } from 'zod';
import type { Db } from '../db/client.js';
import { problems } from '../errors.js';
import { defineRoute } from '../registry.js';
import { Id } from '../schemas/common.js';
import { REVISION_SCHEMAS } from '../schemas/feed.js';
import { PUBLISHED_TYPES } from '../schemas/published-records.js';
import { getRevision, listRevisions, type RecordType } from '../domain/records.js';

interface Options {
  type: RecordType;
  collection: string;
  tag: string;
  label: string;
  /** Throws 404 when the record does not exist. */
  exists: (db: Db, id: string) => Promise<unknown>;
}

const VersionParams = z.strictObject({
  id: Id,
  version: z.coerce.number().int().min(1).max(1_000_000).meta({ title: '版本号' }),
});

/** The revision history every published record exposes: who changed what, when, as it was. */
export function revisionRoutes({ type, collection, tag, label, exists }: Options) {
  // legal_basis -> LegalBasis: operationIds are camelCase.
  const singular = type.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return [
    defineRoute({
      method: 'get',
      path: `${collection}/{id}/revisions`,
      operationId: `list${singular}Revisions`,
      summary: `${label}修订历史`,
      description: 'Every version ever published, oldest first, with who made the change and when.',
      tag,
      params: z.strictObject({ id: Id }),
      problems: [404],
      responses: { 200: { description: 'The revisions.', schema: REVISION_SCHEMAS[type].list } },
      handler: async ({ db, params }) => {
        await exists(db, params.id);
        return { status: 200 as const, body: { items: await listRevisions(db, type, params.id) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${collection}/{id}/revisions/{version}`,
      operationId: `get${singular}Revision`,
      summary: `${label}历史版本`,
      description: 'The record exactly as it was published at that version.',
      tag,
      params: VersionParams,
      problems: [404],
      responses: { 200: { description: 'The revision.', schema: REVISION_SCHEMAS[type].revision } },
      // A version never changes, except that a decision taken down has its earlier versions redacted.
      cache: PUBLISHED_TYPES[type].redactable ? 'short' : 'immutable',
      handler: async ({ db, params }) => {
        const revision = await getRevision(db, type, params.id, params.version);
        if (!revision) throw problems.notFound(`Version ${params.version} of ${params.id}`);
        return { status: 200 as const, body: revision };
      },
    }),
  ];
}
