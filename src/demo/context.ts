import type { Db } from '../db/client.js';

/** What the demo seeders share: ids of what earlier steps created, by a readable key. */
export interface DemoContext {
  db: Db;
  now: Date;
  /** province, city, market, brigade (see seed.ts). */
  agencies: Map<string, string>;
  /** Filled by seedLegalBases, e.g. 'administrative-penalty-law', 'road-transport-regulation'. */
  legalBases: Map<string, string>;
  /** Filled by seedPowers, by power code. */
  powers: Map<string, string>;
}
