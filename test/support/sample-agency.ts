/** An agency exactly as the API answers it, for checks of the response-vs-spec checker. */
export const sampleAgencyId = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
export const sampleAgency = {
  id: sampleAgencyId,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  status: 'active',
  name: '示例市交通运输局',
  creditCode: '91330100716105852F',
  regionCode: '440100',
  level: '市级',
  parentId: null,
  kind: '法定',
  entrustment: null,
  domains: [],
  contact: null,
  website: null,
};
