import { createInspectionRules, inspectionRulesResource, listInspectionRules } from '../../domain/inspections/rules.js';
import { InspectionRules, InspectionRulesCreate, InspectionRulesListQuery, InspectionRulesPatch } from '../../schemas/inspections/rules.js';
import { recordRoutes } from '../record-routes.js';

export const inspectionRulesRoutes = recordRoutes({
  resource: inspectionRulesResource,
  collection: '/v1/inspection-rules',
  tag: 'inspections',
  label: '抽查工作细则',
  singular: 'InspectionRules',
  plural: 'InspectionRulesList',
  record: InspectionRules,
  create: InspectionRulesCreate,
  patch: InspectionRulesPatch,
  query: InspectionRulesListQuery,
  list: listInspectionRules,
  insert: createInspectionRules,
  describe: {
    list: '抽查工作细则 (一细则) of each agency, filtered by agency or status; with q, ranked Chinese search over title, 文号 and text. Keyset-paginated.',
    create: "A `publish`-scoped key publishes its own agency's 细则; the operator names the agency.",
    patch: 'A revision of the 细则 is a new version; repealing it sets status repealed. Every earlier version stays readable under revisions.',
  },
  problems: [],
});
