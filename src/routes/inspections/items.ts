import { citingEtag } from '../../domain/citation-lists.js';
import { createInspectionItem, inspectionItem, listInspectionItems } from '../../domain/inspections/items.js';
import { InspectionItem, InspectionItemCreate, InspectionItemListQuery, InspectionItemPatch } from '../../schemas/inspections/items.js';
import { recordRoutes } from '../record-routes.js';

export const inspectionItemRoutes = recordRoutes({
  resource: inspectionItem,
  collection: '/v1/inspection-items',
  tag: 'inspections',
  label: '随机抽查事项',
  singular: 'InspectionItem',
  plural: 'InspectionItems',
  record: InspectionItem,
  create: InspectionItemCreate,
  patch: InspectionItemPatch,
  query: InspectionItemListQuery,
  list: listInspectionItems,
  insert: createInspectionItem,
  etag: (row, item) => citingEtag(row.version, item.citations),
  describe: {
    list: '随机抽查事项清单 (一单): filtered by agency (initiating or cooperating), 一般/重点, object type, 抽查方式, joint or not, status; with q, ranked Chinese search over name, code, sub-items and content. Keyset-paginated.',
    create:
      'A `publish`-scoped key adds items of its own agency (抽查主体; for a 部门联合抽查事项 the initiating agency, naming the cooperating ones); the operator names the agency. 事项编码 is unique within the agency (409). Cited articles must exist (422).',
    patch: 'Dynamic adjustment (动态调整) of the list: cancelling an item sets status cancelled; the item and every earlier version stay published.',
  },
  problems: [409],
});
