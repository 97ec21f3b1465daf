import { createInspectionConflict, inspectionConflict, listInspectionConflicts } from '../../domain/inspections/conflicts.js';
import { InspectionConflict, InspectionConflictCreate, InspectionConflictListQuery, InspectionConflictPatch } from '../../schemas/inspections/conflicts.js';
import { recordRoutes } from '../record-routes.js';

export const inspectionConflictRoutes = recordRoutes({
  resource: inspectionConflict,
  collection: '/v1/inspection-conflicts',
  tag: 'inspections',
  label: '回避申报',
  singular: 'InspectionConflict',
  plural: 'InspectionConflicts',
  record: InspectionConflict,
  create: InspectionConflictCreate,
  patch: InspectionConflictPatch,
  query: InspectionConflictListQuery,
  list: listInspectionConflicts,
  insert: createInspectionConflict,
  describe: {
    list: 'Declared conflicts of interest (回避) between an inspector and a directory entity, filtered by inspector, entity, declaring agency or status; keyset-paginated.',
    create:
      "Either side declares: the inspector's agency (declaredBy inspector) or the agency whose directory lists the entity (declaredBy entity); 403 for anyone else except the operator. A draw never assigns an inspector to an entity with an active declaration. One active declaration per pair (409).",
    patch: 'Withdrawing a declaration (status withdrawn) affects draws committed afterwards only.',
  },
  problems: [409],
});
