import { z } from 'zod';

/*
 * The inputs of a draw (docs/draw-algorithm.md#inputs): pool entries and the parameters frozen at commit. Only zod
 * here, so the offline verifier needs nothing of the server.
 */

/**
 * Ids and strata are printable ASCII without spaces (0x21-0x7E): the tab and newline of the pool encoding can
 * never occur inside one, and JavaScript's string order is then the byte order the specification sorts by.
 */
export const TOKEN = /^[\x21-\x7e]{1,128}$/;
const Token = z.string().regex(TOKEN, 'Must be 1-128 printable ASCII characters without spaces.');

/** 32 bytes written as 64 lowercase hex digits: a secret, a contribution, a SHA-256 digest. */
export const HEX32 = /^[0-9a-f]{64}$/;
export const Hex32 = z.string().regex(HEX32, 'Must be 64 lowercase hex digits (32 bytes).').meta({ maxLength: 64 });

export const PoolEntity = z
  .strictObject({
    id: Token.meta({ title: '检查对象标识', description: 'The record id (UUIDv7) of the entity in the 检查对象名录库.' }),
    stratum: Token.meta({
      title: '风险分类',
      description: 'The entity\'s credit-risk class when the pool was frozen (国市监信发〔2022〕6号): A 低, B 一般, C 较高, D 高; "-" when unclassified.',
    }),
  })
  .meta({ title: '检查对象' });
export type PoolEntity = z.output<typeof PoolEntity>;

export const PoolInspector = z
  .strictObject({ id: Token.meta({ title: '检查人员标识', description: 'The record id (UUIDv7) of the inspector in the 执法检查人员名录库.' }) })
  .meta({ title: '检查人员' });
export type PoolInspector = z.output<typeof PoolInspector>;

export const Conflict = z
  .strictObject({
    inspectorId: Token.meta({ title: '检查人员标识' }),
    entityId: Token.meta({ title: '检查对象标识' }),
  })
  .meta({ title: '回避关系', description: 'A declared conflict of interest: this inspector is never assigned to this entity.' });
export type Conflict = z.output<typeof Conflict>;

export interface Pools {
  entities: PoolEntity[];
  inspectors: PoolInspector[];
  conflicts: Conflict[];
}

const Count = z.int().min(1).max(1e9).meta({ title: '抽取数量', description: 'How many entities to draw.' });
const BasisPoints = z
  .int()
  .min(1)
  .max(10_000)
  .meta({ title: '抽取比例 (万分比)', description: 'Basis points of the group (300 = 3 %); the count is rounded up, as 抽查比例 is a minimum.' });
const ByCount = z.strictObject({ count: Count }).meta({ title: '按数量' });
const ByRatio = z.strictObject({ basisPoints: BasisPoints }).meta({ title: '按比例' });

export const SampleRule = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('count').meta({ title: '抽取方式' }), count: Count }).meta({ title: '按数量抽取' }),
    z.strictObject({ mode: z.literal('ratio').meta({ title: '抽取方式' }), basisPoints: BasisPoints }).meta({ title: '按比例抽取' }),
    z
      .strictObject({
        mode: z.literal('strata').meta({ title: '抽取方式' }),
        strata: z
          .record(Token, z.union([ByCount, ByRatio]))
          .refine((s) => Object.keys(s).length > 0, 'Name at least one stratum.')
          .meta({ title: '分层抽取', description: 'Per risk class: a count or a ratio. Strata not named here are not drawn.' }),
      })
      .meta({ title: '按风险分类分层抽取' }),
  ])
  .meta({ title: '抽取规则', description: 'count / ratio draw over the whole entity pool as one group; strata draw inside each named stratum.' });
export type SampleRule = z.output<typeof SampleRule>;

export const DrawParameters = z
  .strictObject({
    inspectorsPerEntity: z.int().min(2).max(100).meta({ title: '每户检查人员数', description: 'Distinct inspectors assigned to each drawn entity (at least 2).' }),
    sample: SampleRule,
  })
  .meta({ title: '抽取参数' });
export type DrawParameters = z.output<typeof DrawParameters>;
