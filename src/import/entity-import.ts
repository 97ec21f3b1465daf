/**
 * The directory (检查对象名录库) as a kind of file the streaming import loads (stream-import.ts): rows validated
 * as POST /v1/inspection-entities validates them (entity-row.ts); an entity is listed once, by its
 * 统一社会信用代码 or 注册号.
 */
import type { InspectionEntityCreate } from '../schemas/inspections/entities.js';
import { mapEntityHeaders } from './entity-headers.js';
import { prepareEntityRow } from './entity-row.js';
import { importRows, type RowKind, type StreamImportOptions, type StreamImportProgress, type StreamImportResult } from './stream-import.js';

export const DEFAULT_ENTITY_BATCH = 2000;

export type EntityImportProgress = StreamImportProgress;
export type EntityImportOptions = StreamImportOptions;
export type EntityImportResult = StreamImportResult;

export const entityRows: RowKind<InspectionEntityCreate> = {
  defaultBatch: DEFAULT_ENTITY_BATCH,
  mapHeaders: mapEntityHeaders,
  prepare: prepareEntityRow,
  identities: [
    { field: 'creditCode', label: '统一社会信用代码' },
    { field: 'registrationNo', label: '注册号' },
  ],
  once: 'the directory lists an entity once.',
};

export const importEntities = (opts: EntityImportOptions): Promise<EntityImportResult> => importRows(entityRows, opts);
