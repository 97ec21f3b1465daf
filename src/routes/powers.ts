import type { AnyRoute } from '../registry.js';

export const powerRoutes: AnyRoute[] = [];
