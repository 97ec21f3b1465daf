import { z } from 'zod';
import { Hex32 } from '../../draw/inputs.js';
import { PERSONAL_DATA_KEY } from '../../lib/personal-data-scan.js';
import { Id } from '../common.js';
import { prose } from '../text.js';

/* Request shapes of the three public steps of a draw (docs/draw-algorithm.md). */

/**
 * 32 random bytes in hex, published as sent (a secret once revealed): exactly 64 hex digits, so no spelled-out
 * number, name or separator fits. A digit run inside is not scanned: random hex holds runs that pass as a mobile
 * or a first-generation 身份证 number often enough (a CI run drew one) that scanning would refuse honest values.
 */
const RandomHex = Hex32.meta({ [PERSONAL_DATA_KEY]: 'number' });

export const DrawCommitBody = z
  .strictObject({
    commitment: RandomHex.meta({
      title: '承诺值',
      description: 'Lowercase hex SHA-256 of your secret’s 32 bytes. Keep the secret: it is needed to reveal (e.g. `openssl rand -hex 32`, then hash its bytes).',
      example: '5b6f0a1f9c0e4f7b8f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f',
    }),
    contributionMinutes: z
      .int()
      .min(0)
      .max(10_080)
      .optional()
      .meta({ title: '贡献窗口(分钟)', description: 'How long other agencies and the operator may add random contributions (default 60, at most 7 days). 0: only the platform’s own contribution.', example: 60 }),
  })
  .meta({ title: '提交抽取承诺' });

export const DrawContributionBody = z
  .strictObject({ value: RandomHex.meta({ title: '随机数', description: '32 random bytes as 64 lowercase hex digits.', example: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0' }) })
  .meta({ title: '提交随机数贡献' });

export const DrawRevealBody = z
  .strictObject({ secret: RandomHex.meta({ title: '密值', description: 'The secret behind the commitment.', example: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' }) })
  .meta({ title: '揭示密值' });

export const DrawVoidBody = z
  .strictObject({ reason: prose(2000).meta({ title: '作废理由', description: 'Published with the voided draw.', example: '抽查对象名录库数据有误，经集体研究决定作废本次抽取。' }) })
  .meta({ title: '作废抽取' });

export const DrawParams = z.strictObject({ id: Id.meta({ title: '抽查任务' }) });

export const DrawQuery = z.strictObject({
  attempt: z.coerce.number().int().min(1).max(1000).optional().meta({ title: '抽取次数', description: 'An earlier (voided) draw of the task; the latest by default.' }),
  include: z.enum(['pools']).optional().meta({ title: '包含', description: 'pools: the frozen pools inline, as a verifier needs them.' }),
});
