/**
 * Bulk exports for aggregators: the whole public state of one record type at one feed position, as NDJSON
 * (one feed entry per record, its latest version) or CSV, plus the manifest that lists them.
 */
import { z } from 'zod';
import { RECORD_TYPES, RecordType } from './changes.js';
import { PUBLISHED_TYPES } from './published-records.js';
import { FeedEntry } from './feed.js';

const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `penalties.ndjson`, `legal-bases.csv`, …: one path segment names the resource and the format. */
const EXPORT_FILES = RECORD_TYPES.flatMap((t) => EXPORT_FORMATS.map((f) => `${PUBLISHED_TYPES[t].collection}.${f}`));

export const ExportFileParams = z.strictObject({
  file: z.enum(EXPORT_FILES).meta({ title: '导出文件', description: 'The resource (its collection name) and the format: `.ndjson` or `.csv`.', example: 'penalties.ndjson' }),
});

const position = z.int().min(0).meta({ title: '位置', description: 'The feed position the export was taken at: read the feed with `after` set to it.' });

const ExportHeader = z
  .object({
    export: z
      .object({
        format: z.literal(1).meta({ title: '格式版本' }),
        resource: z.string().meta({ title: '资源' }),
        type: RecordType,
        position,
      })
      .meta({ title: '导出说明' }),
  })
  .meta({ id: 'ExportHeader', title: '导出文件首行' });

const ExportTrailer = z
  .object({ end: z.object({ records: z.int().min(0).meta({ title: '记录数' }) }).meta({ title: '导出结束' }) })
  .meta({ id: 'ExportTrailer', title: '导出文件末行', description: 'Present only when the export is complete: a file without it was cut short.' });

export const ExportLine = z
  .union([ExportHeader, FeedEntry, ExportTrailer])
  .meta({
    id: 'ExportLine',
    title: '导出行',
    description: 'One line of an NDJSON export: the header first, then one feed entry per record (its latest version at the export position, tombstones and redaction notices included), then the trailer.',
  });

const LatestRun = z
  .object({
    position,
    records: z.int().min(0).meta({ title: '记录数' }),
    bytes: z.int().min(0).meta({ title: '字节数' }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ title: '摘要 (SHA-256)', description: 'Of the whole file as sent. Any export taken at the same position has the same bytes.' }),
    completedAt: z.iso.datetime({ offset: true }).meta({ title: '完成时间' }),
  })
  .meta({ id: 'ExportRun', title: '最近一次完整导出' });

const ManifestEntry = z
  .object({
    resource: z.string().meta({ title: '资源', example: 'penalties' }),
    type: RecordType,
    records: z.int().min(0).meta({ title: '记录数', description: 'Records of this type at the manifest position, tombstones included.' }),
    files: z
      .object({
        ndjson: z.object({ url: z.string().meta({ title: '地址' }), latest: LatestRun.nullable() }).meta({ title: 'NDJSON 文件' }),
        csv: z.object({ url: z.string().meta({ title: '地址' }), latest: LatestRun.nullable() }).meta({ title: 'CSV 文件' }),
      })
      .meta({ title: '文件' }),
  })
  .meta({ id: 'ExportManifestEntry', title: '导出资源' });

export const ExportManifest = z
  .object({
    position,
    resources: z.array(ManifestEntry).meta({ title: '资源列表' }),
    national: z
      .array(z.object({ name: z.string().meta({ title: '名称' }), url: z.string().meta({ title: '地址' }) }))
      .meta({ title: '国家双公示格式', description: 'The national 双公示 CSVs of the decisions on display, and the 抽查检查结果 CSV: for people and spreadsheets, not for mirroring.' }),
  })
  .meta({ id: 'ExportManifest', title: '批量导出清单' });
export type ExportManifest = z.output<typeof ExportManifest>;
