/**
 * Request and list shapes of /v1/licences that src/schemas/licences.ts does not define yet (the batch,
 * the correction envelope, the list query and the record-or-notice union). Built only from that file's
 * pieces and the penalty list filters, so the published field rules stay in one place.
 */
import { z } from 'zod';
import { Page, text } from '../../schemas/common.js';
import { CorrectionCreate, DecisionNotice } from '../../schemas/decision-common.js';
import { Licence, LicenceCreate, LicencePatch, LicenceState } from '../../schemas/licences.js';
import { decisionListFilters } from '../../schemas/penalties.js';
import { LicenceCategory } from '../../codes/licence-categories.js';

export const LicenceCorrection = CorrectionCreate(LicencePatch, 'LicenceCorrection');
export type LicenceCorrection = z.output<typeof LicenceCorrection>;

export const LicenceBatch = z
  .strictObject({ items: z.array(LicenceCreate).min(1).max(1000).meta({ title: '决定列表', description: '1 to 1,000 decisions, written all-or-nothing.' }) })
  .meta({ id: 'LicenceBatch', title: '批量报送行政许可决定' });

export const LicenceListQuery = z
  .strictObject({
    ...decisionListFilters,
    status: z.enum(['published', 'withdrawn']).default('published').meta({
      title: '状态',
      description: 'published (default): on display. withdrawn: notices (no content) of withdrawn decisions.',
    }),
    party: text(200).optional().meta({ title: '行政相对人', description: 'An 18-character 统一社会信用代码 (exact) or part of the party name.' }),
    decisionNumber: text(128).optional().meta({ title: '行政许可决定文书号', description: 'Exact.' }),
    category: LicenceCategory.optional().meta({ ...LicenceCategory.meta(), title: '许可类别' }),
    state: LicenceState.optional(),
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
export type LicenceListQuery = z.output<typeof LicenceListQuery>;

export const LicenceOrNotice = z.union([Licence, DecisionNotice]).meta({ id: 'LicenceOrNotice', title: '行政许可决定或停止公示说明' });
export const LicencePage = Page(LicenceOrNotice, 'LicencePage', '行政许可决定列表');
