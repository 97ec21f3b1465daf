import { createInspectionEntity, inspectionEntity, listInspectionEntities } from '../../domain/inspections/entities.js';
import { InspectionEntity, InspectionEntityCreate, InspectionEntityListQuery, InspectionEntityPatch } from '../../schemas/inspections/entities.js';
import { recordRoutes } from '../record-routes.js';

export const inspectionEntityRoutes = recordRoutes({
  resource: inspectionEntity,
  collection: '/v1/inspection-entities',
  tag: 'inspections',
  label: '检查对象',
  singular: 'InspectionEntity',
  plural: 'InspectionEntities',
  record: InspectionEntity,
  create: InspectionEntityCreate,
  patch: InspectionEntityPatch,
  query: InspectionEntityListQuery,
  list: listInspectionEntities,
  insert: createInspectionEntity,
  describe: {
    list: '检查对象名录库: filtered by directory agency, object type, region (a division and below), industry code prefix, 信用风险分类, tag, credit code or status; with q, ranked Chinese search over name and address. Keyset-paginated. Bulk loading: `npm run import -- --kind inspection-entities`.',
    create:
      "A `publish`-scoped key adds entries to its own agency's directory; the operator names the agency. Only public registration facts are accepted: a contact person, phone or any other field is a 400 naming it. A market entity needs its 统一社会信用代码 or 注册号; one active entry per code and agency (409).",
    patch: 'An entity that leaves the directory (注销, 迁出 …) is set to status removed; it stays published with its history and is no longer drawn.',
  },
  problems: [409],
});
