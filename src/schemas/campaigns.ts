/**
 * 专项整治 campaigns: a named enforcement drive with a period, a lead agency and participating agencies.
 * Decisions taken in a campaign carry the tag 专项整治 and its `campaignId` (./decision-common.ts).
 * Not a national 双公示 column set.
 */
import { z } from 'zod';
import { Id, IsoDate, recordMeta } from './common.js';
import { line, prose } from './text.js';

const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
const CampaignStatus = z.enum(CAMPAIGN_STATUSES).meta({ title: '状态', description: 'active = 进行中; closed = 已结束.' });

const Name = line(200).meta({ title: '专项整治名称', example: '2024年示例市校园周边食品安全专项整治' });
const Description = prose(5000).meta({ title: '专项整治说明', description: 'Scope, targets and basis of the campaign.' });
const StartDate = IsoDate.meta({ title: '开始日期', example: '2024-03-01' });
const EndDate = IsoDate.meta({ title: '结束日期', description: 'Not before the start date.', example: '2024-06-30' });
const LeadAgencyId = Id.meta({ title: '牵头单位', description: "Operator only: the lead agency. A key's own agency leads the campaigns it creates (naming another is 403)." });
const ParticipatingAgencyIds = z
  .array(Id)
  .max(50)
  .meta({ title: '参与单位', description: 'The participating agencies, at most 50, each listed once.' });

type PeriodShape = { startDate?: string | undefined; endDate?: string | undefined; participatingAgencyIds?: string[] | undefined };

/** endDate not before startDate (when both are given); participating agencies listed once. */
function checkCampaign(c: PeriodShape, ctx: z.RefinementCtx) {
  if (c.startDate !== undefined && c.endDate !== undefined && c.endDate < c.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期 must not be before 开始日期.' });
  }
  const ids = c.participatingAgencyIds ?? [];
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['participatingAgencyIds', i], message: '参与单位 is listed twice.' });
  });
}

export const CampaignCreate = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    startDate: StartDate,
    endDate: EndDate,
    leadAgencyId: LeadAgencyId.optional(),
    participatingAgencyIds: ParticipatingAgencyIds.optional(),
  })
  .superRefine(checkCampaign)
  .meta({ id: 'CampaignCreate', title: '新建专项整治' });
export type CampaignCreate = z.output<typeof CampaignCreate>;

/**
 * JSON merge patch (RFC 7396); null removes the description. The period rule applies when both dates are
 * sent; the domain re-checks the merged campaign.
 */
export const CampaignPatch = z
  .strictObject({
    name: Name.optional(),
    description: Description.nullable().optional(),
    startDate: StartDate.optional(),
    endDate: EndDate.optional(),
    leadAgencyId: LeadAgencyId.optional(),
    participatingAgencyIds: ParticipatingAgencyIds.optional(),
  })
  .superRefine(checkCampaign)
  .meta({ id: 'CampaignPatch', title: '修改专项整治' });
export type CampaignPatch = z.output<typeof CampaignPatch>;

export const Campaign = z
  .object({
    ...recordMeta,
    status: CampaignStatus,
    name: z.string().meta({ title: '专项整治名称' }),
    description: z.string().nullable().meta({ title: '专项整治说明' }),
    startDate: StartDate,
    endDate: EndDate,
    leadAgencyId: Id.meta({ title: '牵头单位标识' }),
    leadAgency: z.string().meta({ title: '牵头单位', description: 'From the agency record.' }),
    participatingAgencyIds: z.array(Id).meta({ title: '参与单位' }),
  })
  .meta({ id: 'Campaign', title: '专项整治' });
export type Campaign = z.output<typeof Campaign>;
