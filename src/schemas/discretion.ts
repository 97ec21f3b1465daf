import { z } from 'zod';
import { Citation, Citations } from './citations.js';
import { Id, pageQuery, recordMeta } from './common.js';
import { line, prose } from './text.js';
import { PublishedYuan, YuanAmount, canonicalYuan, yuanToFen } from '../lib/money.js';

const BENCHMARK_STATUSES = ['active', 'repealed'] as const;
const BenchmarkStatus = z.enum(BENCHMARK_STATUSES).meta({
  title: '状态',
  description: 'active = 有效; repealed = 已废止 (kept with its history, never deleted).',
});

// Money lives in src/lib/money.ts (the single source of truth); these names stay for existing importers.
const Yuan = YuanAmount;
const fen = yuanToFen;
export { canonicalYuan };

export const Tier = z
  .strictObject({
    tier: line(50).meta({ title: '裁量阶次', description: 'Usually 轻微 / 一般 / 较重 / 严重; another name where the benchmark uses one.', example: '一般' }),
    circumstances: prose(2000).meta({ title: '违法情节', example: '违法所得不足2万元或者无违法所得, 首次被查处' }),
    penalty: prose(2000).meta({ title: '处罚种类和幅度', example: '责令停止经营, 处3万元以上5万元以下的罚款' }),
    fineMin: Yuan.optional().meta({ title: '罚款下限(元)', example: '30000.00' }),
    fineMax: Yuan.optional().meta({ title: '罚款上限(元)', example: '50000.00' }),
    note: prose(2000).optional().meta({ title: '备注' }),
  })
  .refine((t) => t.fineMin === undefined || t.fineMax === undefined || fen(t.fineMin) <= fen(t.fineMax), {
    message: '罚款下限 must not exceed 罚款上限.',
    path: ['fineMax'],
  })
  .meta({ id: 'DiscretionTier', title: '裁量阶次' });
export type Tier = z.output<typeof Tier>;

const Tiers = z.array(Tier).min(1, 'At least one tier.').max(20).meta({ title: '裁量阶次列表' });

/** Tier names are unique within a benchmark. */
function checkTiers(b: { tiers?: { tier: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  b.tiers?.forEach((t, i) => {
    if (seen.has(t.tier)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'tier'], message: 'Another tier already has this name.' });
    seen.add(t.tier);
  });
}

const violation = prose(1000).meta({ title: '违法行为', example: '未取得道路运输经营许可, 擅自从事道路运输经营' });

export const BenchmarkCreate = z
  .strictObject({
    violation,
    citations: Citations.optional(),
    tiers: Tiers,
    status: BenchmarkStatus.optional(),
  })
  .superRefine(checkTiers)
  .meta({ title: '新建裁量基准' });
export type BenchmarkCreate = z.output<typeof BenchmarkCreate>;

/** JSON merge patch (RFC 7396); the tier list replaces as a whole. */
export const BenchmarkPatch = z
  .strictObject({
    violation: violation.optional(),
    citations: Citations.nullable().optional(),
    tiers: Tiers.optional(),
    status: BenchmarkStatus.optional(),
  })
  .meta({ title: '修改裁量基准' });
export type BenchmarkPatch = z.output<typeof BenchmarkPatch>;

export const Benchmark = z
  .object({
    ...recordMeta,
    status: BenchmarkStatus,
    powerId: Id.meta({ title: '权责事项' }),
    agencyId: Id.meta({ title: '制定主体' }),
    violation: z.string().meta({ title: '违法行为' }),
    citations: z.array(Citation).meta({ title: '依据条款' }),
    tiers: z
      .array(
        z
          .object({
            tier: z.string().meta({ title: '裁量阶次' }),
            circumstances: z.string().meta({ title: '违法情节' }),
            penalty: z.string().meta({ title: '处罚种类和幅度' }),
            fineMin: PublishedYuan.nullable().meta({ title: '罚款下限(元)', example: '30000.00' }),
            fineMax: PublishedYuan.nullable().meta({ title: '罚款上限(元)', example: '50000.00' }),
            note: z.string().nullable().meta({ title: '备注' }),
          })
          .meta({ id: 'DiscretionTierOut', title: '裁量阶次' }),
      )
      .meta({ title: '裁量阶次列表' }),
  })
  .meta({ id: 'DiscretionBenchmark', title: '行政处罚裁量基准' });
export type Benchmark = z.output<typeof Benchmark>;

export const BenchmarkListQuery = z.strictObject({ ...pageQuery, status: BenchmarkStatus.optional() });
export type BenchmarkListQuery = z.output<typeof BenchmarkListQuery>;
