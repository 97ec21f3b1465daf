import { createInspectionPlan, inspectionPlan, listInspectionPlans } from '../../domain/inspections/plans.js';
import { InspectionPlan, InspectionPlanCreate, InspectionPlanListQuery, InspectionPlanPatch } from '../../schemas/inspections/plans.js';
import { recordRoutes } from '../record-routes.js';

export const inspectionPlanRoutes = recordRoutes({
  resource: inspectionPlan,
  collection: '/v1/inspection-plans',
  tag: 'inspections',
  label: '年度抽查工作计划',
  singular: 'InspectionPlan',
  plural: 'InspectionPlans',
  record: InspectionPlan,
  create: InspectionPlanCreate,
  patch: InspectionPlanPatch,
  query: InspectionPlanListQuery,
  list: listInspectionPlans,
  insert: createInspectionPlan,
  describe: {
    list: 'Annual 抽查工作计划, filtered by agency, year or status; ordered by id, keyset-paginated. Each plan links to its tasks.',
    create:
      "A `publish`-scoped key publishes its own agency's plan for a year (one active plan per agency and year, 409), naming the items it will draw on: active items the agency initiates or cooperates in (422 naming each other entry).",
    patch: 'Adjusting the plan is a new version.',
  },
  problems: [409],
});
