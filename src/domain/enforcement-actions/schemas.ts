/**
 * Request and response shapes of the /v1/enforcement-actions routes that the resource schema
 * (src/schemas/enforcement-actions.ts) leaves to the API: list query, batch, correction, record-or-notice.
 */
import { z } from 'zod';
import { text } from '../../schemas/common.js';
import { CorrectionCreate, DecisionNotice } from '../../schemas/decision-common.js';
import { ActionType, EnforcementAction, EnforcementActionCreate, EnforcementActionPatch } from '../../schemas/enforcement-actions.js';
import { decisionListFilters } from '../../schemas/penalties.js';

export const EnforcementActionListQuery = z
  .strictObject({
    ...decisionListFilters,
    status: z.enum(['published', 'withdrawn']).default('published').meta({
      title: '状态',
      description: 'published (default): on display. withdrawn: the notices (no content) of withdrawn actions.',
    }),
    actionType: ActionType.optional().meta({ title: '执法类别' }),
    target: text(200).optional().meta({ title: '执法对象', description: 'An 18-character 统一社会信用代码 (exact) or part of the target name.' }),
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
export type EnforcementActionListQuery = z.output<typeof EnforcementActionListQuery>;

export const EnforcementActionBatch = z
  .strictObject({
    items: z.array(EnforcementActionCreate).min(1).max(1000).meta({ title: '执法决定列表', description: '1 to 1,000 actions, written all-or-nothing.' }),
  })
  .meta({ id: 'EnforcementActionBatch', title: '批量报送执法决定信息' });

export const EnforcementActionCorrection = CorrectionCreate(EnforcementActionPatch, 'EnforcementActionCorrection');
export type EnforcementActionCorrection = z.output<typeof EnforcementActionCorrection>;

export const EnforcementActionOrNotice = z
  .union([EnforcementAction, DecisionNotice])
  .meta({ id: 'EnforcementActionOrNotice', title: '执法决定信息或停止公示说明' });
