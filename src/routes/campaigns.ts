import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../registry.js';
import { Campaign, CampaignCreate, CampaignPatch } from '../schemas/campaigns.js';
import { dateParam, Id, IdParams, Page, pageQuery } from '../schemas/common.js';
import { campaign, campaignEtag, createCampaign, getCampaign, listCampaigns, toCampaign } from '../domain/campaigns.js';
import { byId, patchRecord } from '../domain/versioned-record.js';
import { chinaDate } from '../lib/validity.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const CampaignListQuery = z.strictObject({
  ...pageQuery,
  leadAgencyId: Id.optional().meta({ title: '牵头单位', description: 'Campaigns led by this agency.' }),
  activeOn: dateParam({ title: '进行日期', description: 'Campaigns whose period (start and end inclusive) contains this date.' }).optional(),
});

const CampaignPage = Page(Campaign, 'CampaignPage', '专项整治列表');
const tag = 'campaigns';
const statusNote = 'status is derived on read: closed once the Beijing date is past endDate, active otherwise.';
const one = { description: 'The campaign.', schema: Campaign, headers: etagHeaderSpec };

export const campaignRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/campaigns',
    operationId: 'listCampaigns',
    summary: '专项整治列表',
    description: `Filtered by lead agency and by a date within the campaign period; keyset-paginated (a cursor is valid only with the filters that issued it). ${statusNote}`,
    tag,
    query: CampaignListQuery,
    responses: { 200: { description: 'A page of campaigns.', schema: CampaignPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url, now }) => {
      const { rows, next } = await listCampaigns(db, query);
      const today = chinaDate(now());
      return { status: 200 as const, body: { items: rows.map((r) => toCampaign(r, today)), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/campaigns/{id}',
    operationId: 'getCampaign',
    summary: '专项整治详情',
    description: statusNote,
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: one },
    handler: async ({ db, params, now }) => {
      const row = await getCampaign(db, params.id);
      const today = chinaDate(now());
      return { status: 200 as const, body: toCampaign(row, today), etag: campaignEtag(row, today) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/campaigns',
    operationId: 'createCampaign',
    summary: '新建专项整治',
    description:
      "A `publish`-scoped key creates a campaign led by its own agency; the operator names leadAgencyId. Every participating agency must exist (422 naming /participatingAgencyIds/N). Decisions join it with the tag 专项整治 and its campaignId.",
    tag,
    auth: true,
    body: CampaignCreate,
    problems: [422],
    responses: {
      201: { description: 'Created.', schema: Campaign, headers: { ...etagHeaderSpec, Location: { description: 'URL of the campaign.', schema: { type: 'string' } } } },
    },
    handler: async ({ db, principal, now, body }) => {
      const at = now();
      const { row } = await createCampaign(db, principal, at, body);
      const today = chinaDate(at);
      return { status: 201 as const, body: toCampaign(row, today), etag: campaignEtag(row, today), headers: { Location: `/v1/campaigns/${row.id}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/campaigns/{id}',
    operationId: 'updateCampaign',
    summary: '修改专项整治',
    description:
      'JSON merge patch (RFC 7396) against the version named by If-Match, by the lead agency (or the operator, who alone may hand the lead to another agency). Each change is a new version with its revision kept.',
    tag,
    auth: true,
    params: IdParams,
    body: CampaignPatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    ifMatch: true,
    problems: [404, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, params, ifMatch, body }) => {
      const at = now();
      const { row } = await patchRecord(db, campaign, principal, at, byId(campaign, params.id), ifMatch, body);
      const today = chinaDate(at);
      return { status: 200 as const, body: toCampaign(row, today), etag: campaignEtag(row, today) };
    },
  }),
  ...revisionRoutes({ type: 'campaign', collection: '/v1/campaigns', tag, label: '专项整治', exists: getCampaign }),
];
