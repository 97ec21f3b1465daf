import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../src/errors.js';
import { Campaign, CampaignCreate, CampaignPatch } from '../src/schemas/campaigns.js';
import { untitled, topProperties, type JsonNode } from './support/schema-titles.js';

const id = (n: number) => `0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;

const minimal = { name: '2024年示例市校园周边食品安全专项整治', startDate: '2024-03-01', endDate: '2024-06-30' };
const full = {
  ...minimal,
  description: '整治校园周边无证经营、销售过期食品等问题。',
  leadAgencyId: id(1),
  participatingAgencyIds: [id(2), id(3)],
};

function pointersOf(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : fieldErrorsFromZod(r.error.issues, 'body').map((e) => e.pointer);
}

describe('CampaignCreate', () => {
  it.each([
    ['minimal', minimal],
    ['full', full],
    ['a one-day campaign', { ...minimal, endDate: '2024-03-01' }],
    ['50 participating agencies', { ...minimal, participatingAgencyIds: Array.from({ length: 50 }, (_, i) => id(i)) }],
  ])('accepts %s', (_name, input) => {
    const r = CampaignCreate.safeParse(input);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it.each([
    ['endDate before startDate', { ...minimal, endDate: '2024-02-29' }, '/endDate'],
    ['duplicate participating agency', { ...full, participatingAgencyIds: [id(2), id(2)] }, '/participatingAgencyIds/1'],
    ['51 participating agencies', { ...minimal, participatingAgencyIds: Array.from({ length: 51 }, (_, i) => id(i)) }, '/participatingAgencyIds'],
    ['a participating agency that is not an id', { ...minimal, participatingAgencyIds: ['x'] }, '/participatingAgencyIds/0'],
    ['lead agency that is not an id', { ...minimal, leadAgencyId: 'x' }, '/leadAgencyId'],
    ['empty name', { ...minimal, name: '' }, '/name'],
    ['name over 200', { ...minimal, name: '名'.repeat(201) }, '/name'],
    ['description over 5000', { ...minimal, description: '说'.repeat(5001) }, '/description'],
    ['impossible date', { ...minimal, startDate: '2024-02-30' }, '/startDate'],
    ['server-filled status', { ...minimal, status: 'closed' }, '/status'],
    ['server-filled lead agency name', { ...minimal, leadAgency: '某局' }, '/leadAgency'],
  ] as [string, unknown, string][])('refuses %s', (_name, input, pointer) => {
    expect(pointersOf(CampaignCreate, input)).toEqual([pointer]);
  });
});

describe('CampaignPatch', () => {
  it.each([
    ['empty', {}],
    ['a new end date alone (checked on the merged campaign)', { endDate: '2024-01-01' }],
    ['null removes the description', { description: null }],
    ['new participants', { participatingAgencyIds: [id(5)] }],
  ])('accepts %s', (_name, input) => {
    const r = CampaignPatch.safeParse(input);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it.each([
    ['both dates, end before start', { startDate: '2024-03-01', endDate: '2024-02-01' }, '/endDate'],
    ['duplicate participating agency', { participatingAgencyIds: [id(2), id(3), id(2)] }, '/participatingAgencyIds/2'],
    ['null name', { name: null }, '/name'],
    ['unknown field', { status: 'closed' }, '/status'],
  ] as [string, unknown, string][])('refuses %s', (_name, input, pointer) => {
    expect(pointersOf(CampaignPatch, input)).toEqual([pointer]);
  });
});

describe('Campaign (response)', () => {
  it('parses a campaign', () => {
    const record = {
      id: id(10),
      version: 1,
      createdAt: '2024-02-20T01:00:00Z',
      updatedAt: '2024-02-20T01:00:00Z',
      status: 'active',
      name: minimal.name,
      description: null,
      startDate: minimal.startDate,
      endDate: minimal.endDate,
      leadAgencyId: id(1),
      leadAgency: '示例市市场监督管理局',
      participatingAgencyIds: [id(2)],
    };
    const r = Campaign.safeParse(record);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(Campaign.safeParse({ ...record, status: 'planned' }).success).toBe(false);
  });
});


describe('JSON Schema titles', () => {
  it.each([
    ['CampaignCreate', CampaignCreate, 'input', 6],
    ['Campaign', Campaign, 'output', 12],
    ['CampaignPatch', CampaignPatch, 'input', 6],
  ] as const)('%s: every property has a Chinese title', (name, schema, io, count) => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonNode;
    expect(untitled(json)).toEqual([]);
    expect(Object.keys(topProperties(json, name))).toHaveLength(count);
  });
});
