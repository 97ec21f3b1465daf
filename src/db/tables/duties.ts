import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { recordColumns } from '../columns.js';
import type { CitationInput } from '../../schemas/citations.js';
import type { Tier } from '../../schemas/discretion.js';
import type { LegalArticle } from '../../schemas/legal-articles.js';
import type { PowerCreate } from '../../schemas/powers.js';
import type { ProcedureFields } from '../../schemas/procedures.js';

/*
 * 事前公开: what an agency publishes before it acts. Every table carries the shared record columns;
 * `search_text` holds app-segmented Chinese words for a `simple` tsvector (see src/lib/segment.ts),
 * and pg_trgm indexes the raw text for substring matches.
 */

export const dateCol = (name: string) => date(name, { mode: 'string' });

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/**
 * The stored `simple` tsvector of search_text: computed once on write, so a search neither re-parses
 * every candidate row nor recomputes it for ranking.
 */
export const searchVector = () => tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', search_text)`);

/** A law, regulation, rule or normative document. Amending one is a new record linked by amends_id. */
export const legalBases = pgTable(
  'legal_bases',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id'),
    title: text('title').notNull(),
    level: text('level').notNull(),
    issuer: text('issuer').notNull(),
    docNumber: text('doc_number'),
    promulgatedOn: dateCol('promulgated_on').notNull(),
    effectiveOn: dateCol('effective_on').notNull(),
    repealedOn: dateCol('repealed_on'),
    amendsId: uuid('amends_id').references((): AnyPgColumn => legalBases.id),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    sourceUrl: text('source_url'),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    index('legal_bases_amends_id_idx').on(t.amendsId),
    index('legal_bases_agency_id_idx').on(t.agencyId),
    index('legal_bases_search_vector_idx').using('gin', t.searchVector),
    index('legal_bases_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  ],
);

/** 条 of a legal basis, with 款/项 where given; addressed by its number ("39", "39-1" for 第三十九条之一). */
export const legalArticles = pgTable(
  'legal_articles',
  {
    legalBasisId: uuid('legal_basis_id')
      .notNull()
      .references(() => legalBases.id),
    no: text('no').notNull(),
    ordinal: integer('ordinal').notNull(),
    label: text('label').notNull(),
    chapter: text('chapter'),
    text: text('text').notNull(),
    paragraphs: jsonb('paragraphs').$type<LegalArticle['paragraphs']>(),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    primaryKey({ columns: [t.legalBasisId, t.no] }),
    index('legal_articles_search_vector_idx').using('gin', t.searchVector),
    index('legal_articles_text_trgm_idx').using('gin', t.text.op('gin_trgm_ops')),
  ],
);

/** Which legal-basis articles a record cites, for "records citing this basis" filters and validity flags. */
export const citations = pgTable(
  'citations',
  {
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    legalBasisId: uuid('legal_basis_id')
      .notNull()
      .references(() => legalBases.id),
    /** Empty string when the whole text is cited. */
    articleNo: text('article_no').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId, t.legalBasisId, t.articleNo] }), index('citations_basis_idx').on(t.legalBasisId)],
);

/** 权责清单 item: a power an agency holds. */
export const powers = pgTable(
  'powers',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    subItems: jsonb('sub_items').$type<NonNullable<PowerCreate['subItems']>>().notNull().default(sql`'[]'::jsonb`),
    citations: jsonb('citations').$type<CitationInput[]>().notNull().default(sql`'[]'::jsonb`),
    responsibilities: jsonb('responsibilities').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    accountability: jsonb('accountability').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    reviewTransfer: boolean('review_transfer').notNull().default(false),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    uniqueIndex('powers_agency_code_key').on(t.agencyId, t.code),
    index('powers_type_idx').on(t.type),
    index('powers_search_vector_idx').using('gin', t.searchVector),
    index('powers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** 执法人员: only what may be published (姓名、执法证号、执法类别/领域、区域、有效期). */
export const officers = pgTable(
  'officers',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    certificateNo: text('certificate_no').notNull(),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    area: text('area'),
    validFrom: dateCol('valid_from').notNull(),
    validTo: dateCol('valid_to').notNull(),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    uniqueIndex('officers_valid_certificate_key').on(t.certificateNo).where(sql`status = 'active'`),
    index('officers_agency_id_idx').on(t.agencyId),
    index('officers_search_vector_idx').using('gin', t.searchVector),
    index('officers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** Procedure and remedy channels per agency and power type (服务指南、流程、复议、诉讼、投诉). */
export const procedures = pgTable(
  'procedures',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    powerType: text('power_type').notNull(),
    serviceGuide: text('service_guide').notNull(),
    steps: jsonb('steps').$type<ProcedureFields['steps']>().notNull(),
    reconsideration: jsonb('reconsideration').$type<ProcedureFields['reconsideration']>().notNull(),
    litigation: jsonb('litigation').$type<ProcedureFields['litigation']>().notNull(),
    complaint: jsonb('complaint').$type<ProcedureFields['complaint']>().notNull(),
  },
  (t) => [uniqueIndex('procedures_agency_type_key').on(t.agencyId, t.powerType)],
);

/** 裁量基准 (行政处罚法 art. 34) for one power item: the violation and the penalty range per tier. */
export const discretionBenchmarks = pgTable(
  'discretion_benchmarks',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    powerId: uuid('power_id')
      .notNull()
      .references(() => powers.id),
    violation: text('violation').notNull(),
    citations: jsonb('citations').$type<CitationInput[]>().notNull().default(sql`'[]'::jsonb`),
    tiers: jsonb('tiers').$type<Tier[]>().notNull(),
  },
  (t) => [index('discretion_benchmarks_power_id_idx').on(t.powerId)],
);
