import type { AnyRoute } from '../registry.js';

export const procedureRoutes: AnyRoute[] = [];
