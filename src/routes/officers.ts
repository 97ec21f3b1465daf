import type { AnyRoute } from '../registry.js';

export const officerRoutes: AnyRoute[] = [];
