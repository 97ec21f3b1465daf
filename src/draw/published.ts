import { z } from 'zod';
import { Conflict, DrawParameters, Hex32, PoolEntity, PoolInspector } from './inputs.js';

/*
 * What GET /v1/inspection-tasks/{id}/draw publishes: everything needed to recompute the draw
 * (docs/draw-algorithm.md#published). Only zod here, so the offline verifier needs nothing of the server.
 */

// Also in src/schemas/common.ts, which this module does not import: it brings the server's error handling.
const Timestamp = z.iso.datetime({ offset: true });
const Uuid = z.uuid();
const Count = z.int().min(0).meta({ title: '条目数' });
const Sha256 = Hex32.meta({ title: '哈希值 (SHA-256)', description: 'Lowercase hex SHA-256 of the canonical encoding (sorted lines).' });

const pool = <T extends z.ZodType>(item: T, title: string, description: string) =>
  z
    .strictObject({
      count: Count,
      sha256: Sha256,
      items: z.array(item).optional().meta({ title: '条目', description: 'Sorted as hashed; present only with ?include=pools.' }),
    })
    .meta({ title, description });

const Contribution = z
  .strictObject({
    seq: z.int().min(1).meta({ title: '序号', description: '1, 2, … in the order received; the seed takes the contributions in this order.' }),
    value: Hex32.meta({ title: '随机数', description: '32 random bytes, as 64 lowercase hex digits.' }),
    by: z
      .enum(['platform', 'agency', 'operator', 'public'])
      .meta({ title: '提供方类型', description: "platform = the server's own, added at commit; agency = another agency's key; operator = the platform operator; public = anyone." }),
    agencyId: Uuid.nullable().meta({ title: '提供机关', description: 'The contributing agency, when by = agency.' }),
    at: Timestamp.meta({ title: '提供时间' }),
  })
  .meta({ title: '随机数贡献' });

const Selection = z
  .strictObject({
    seq: z.int().min(1).meta({ title: '抽取序号', description: '1, 2, … in draw order.' }),
    entityId: z.string().meta({ title: '检查对象标识' }),
    stratum: z.string().meta({ title: '风险分类' }),
    inspectorIds: z.array(z.string()).meta({ title: '检查人员', description: 'The inspectors assigned, in the order they were drawn.' }),
  })
  .meta({ title: '抽取结果条目' });

export const PublishedDraw = z
  .strictObject({
    id: Uuid.meta({ title: '抽取标识' }),
    version: z.int().min(1).meta({ title: '版本号', description: 'Each step (commit, contribution, reveal, void) adds one.' }),
    taskId: Uuid.meta({ title: '抽查任务标识' }),
    taskVersion: z.int().min(1).meta({ title: '任务版本', description: 'The version of the task whose parameters the commit froze (see its revisions).' }),
    attempt: z.int().min(1).meta({ title: '抽取次数', description: '1 for the first draw of the task; a draw after a voided one counts up.' }),
    algorithm: z.string().meta({ title: '算法版本', description: 'The version of the documented algorithm, e.g. gongshi-draw/1.', example: 'gongshi-draw/1' }),
    status: z.enum(['committed', 'revealed', 'voided']).meta({ title: '抽取状态', description: 'committed = pools and commitment published; revealed = secret and result published; voided = 作废, with a public reason.' }),
    committedAt: Timestamp.meta({ title: '承诺时间' }),
    committedBy: Uuid.meta({ title: '抽取机关', description: 'The agency that committed the draw.' }),
    parameters: DrawParameters,
    pools: z
      .strictObject({
        entities: pool(PoolEntity, '检查对象库快照', 'The eligible entities, frozen at commit: lines "id<TAB>stratum".'),
        inspectors: pool(PoolInspector, '检查人员库快照', 'The eligible inspectors, frozen at commit: lines "id".'),
        conflicts: pool(Conflict, '回避关系快照', 'Declared conflicts within the two pools, frozen at commit: lines "inspectorId<TAB>entityId".'),
      })
      .meta({ title: '抽取池' }),
    commitment: Hex32.meta({ title: '承诺值', description: 'SHA-256 of the secret\'s 32 bytes, published before anyone can contribute.' }),
    contributionsCloseAt: Timestamp.meta({ title: '贡献截止时间' }),
    contributions: z.array(Contribution).meta({ title: '随机数贡献列表' }),
    secret: Hex32.nullable().meta({ title: '密值', description: 'The secret behind the commitment; null until revealed.' }),
    seed: Hex32.nullable().meta({ title: '种子', description: 'SHA-256 of the algorithm, task, pool hashes, parameters, secret and contributions; null until revealed.' }),
    revealedAt: Timestamp.nullable().meta({ title: '揭示时间' }),
    result: z
      .strictObject({
        selections: z.array(Selection).meta({ title: '抽取结果' }),
        overShare: z.array(z.string()).meta({ title: '超额分配人员', description: 'Inspectors assigned more than ceil(selected × k / inspectors), which only declared conflicts can force.' }),
      })
      .nullable()
      .meta({ title: '抽取结果' }),
    voided: z
      .strictObject({ reason: z.string().meta({ title: '作废理由' }), at: Timestamp.meta({ title: '作废时间' }) })
      .nullable()
      .meta({ title: '作废', description: 'A voided draw stays published with its reason.' }),
  })
  .meta({
    id: 'InspectionDraw',
    title: '双随机抽取',
    description:
      'A 双随机 draw in three public steps (国发〔2019〕5号): commit (pools, parameters, commitment), contributions, reveal (secret, seed, result). ' +
      'Anyone can recompute it with the algorithm its `algorithm` names (docs/draw-algorithm.md in the repository), or with `npm run verify-draw -- <url>`.',
  });
export type PublishedDraw = z.output<typeof PublishedDraw>;

export const DrawVerification = z
  .strictObject({
    match: z.boolean().meta({ title: '是否一致', description: 'True when every check passed: the published result is the one the published inputs give.' }),
    checks: z
      .array(
        z
          .strictObject({
            name: z.string().meta({ title: '检查项', description: 'algorithm, pools.entities, pools.inspectors, pools.conflicts, contributions, timeline, commitment, seed or result.' }),
            ok: z.boolean().meta({ title: '是否通过' }),
            detail: z.string().meta({ title: '说明' }),
          })
          .meta({ title: '检查' }),
      )
      .meta({ title: '检查列表' }),
  })
  .meta({ id: 'InspectionDrawVerification', title: '抽取复核', description: 'A draw recomputed from its published inputs, check by check (docs/draw-algorithm.md#verify).' });
export type DrawVerification = z.output<typeof DrawVerification>;
