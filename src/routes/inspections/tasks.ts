import { createInspectionTask, inspectionTask, listInspectionTasks } from '../../domain/inspections/tasks.js';
import { InspectionTask, InspectionTaskCreate, InspectionTaskListQuery, InspectionTaskPatch } from '../../schemas/inspections/tasks.js';
import { recordRoutes } from '../record-routes.js';

export const inspectionTaskRoutes = recordRoutes({
  resource: inspectionTask,
  collection: '/v1/inspection-tasks',
  tag: 'inspections',
  label: '抽查任务',
  singular: 'InspectionTask',
  plural: 'InspectionTasks',
  record: InspectionTask,
  create: InspectionTaskCreate,
  patch: InspectionTaskPatch,
  query: InspectionTaskListQuery,
  list: listInspectionTasks,
  insert: createInspectionTask,
  describe: {
    list: 'Random-selection tasks, filtered by agency (leading or joining), plan, item, year or status; with q, ranked Chinese search over name and description. Keyset-paginated. Each task links to its draw and results.',
    create:
      "The lead agency's `publish`-scoped key creates a task (the operator names the agency): items it initiates or cooperates in, cooperating agencies, the selection over its directory (不定向 or 定向), the sample (a count, a ratio, or per 信用风险分类), at least 2 inspectors per entity, and the inspection window. A plan must be the lead agency's plan of the same year (422).",
    patch: 'Only before the draw is committed: afterwards the task is frozen (409) until the draw is voided.',
  },
  problems: [409],
});
