import { createInspector, inspector, inspectorEtag, listInspectors } from '../../domain/inspections/inspectors.js';
import { Inspector, InspectorCreate, InspectorListQuery, InspectorPatch } from '../../schemas/inspections/inspectors.js';
import { recordRoutes } from '../record-routes.js';

export const inspectorRoutes = recordRoutes({
  resource: inspector,
  collection: '/v1/inspectors',
  tag: 'inspections',
  label: '检查人员',
  singular: 'Inspector',
  plural: 'Inspectors',
  record: Inspector,
  create: InspectorCreate,
  patch: InspectorPatch,
  query: InspectorListQuery,
  list: listInspectors,
  insert: createInspector,
  etag: inspectorEtag,
  describe: {
    list: '执法检查人员名录库: filtered by agency, 执法领域, availability or status; ordered by id, keyset-paginated. Name and 执法证号 are read from the officer record.',
    create:
      "Enrols an active officer (/v1/officers) of the writer's own agency (403 for another agency's officer; the operator may enrol any) with the 执法领域 they may inspect. One active entry per officer (409).",
    patch: 'Availability changes take effect for draws committed afterwards; a committed draw keeps its frozen inspector pool.',
  },
  problems: [409],
});
