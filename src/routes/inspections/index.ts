import type { AnyRoute } from '../../registry.js';
import { inspectionConflictRoutes } from './conflicts.js';
import { inspectionEntityRoutes } from './entities.js';
import { inspectionItemRoutes } from './items.js';
import { inspectorRoutes } from './inspectors.js';
import { inspectionPlanRoutes } from './plans.js';
import { inspectionRulesRoutes } from './rules.js';
import { inspectionTaskRoutes } from './tasks.js';
import { drawRoutes } from './draws.js';
import { inspectionResultRoutes } from './results.js';
import { inspectionCoverageRoutes } from './coverage.js';

/** 双随机、一公开: every route under one tag. */
export const inspectionRoutes: AnyRoute[] = [
  ...inspectionItemRoutes,
  ...inspectionEntityRoutes,
  ...inspectorRoutes,
  ...inspectionConflictRoutes,
  ...inspectionRulesRoutes,
  ...inspectionPlanRoutes,
  ...inspectionTaskRoutes,
  ...drawRoutes,
  ...inspectionResultRoutes,
  ...inspectionCoverageRoutes,
];
