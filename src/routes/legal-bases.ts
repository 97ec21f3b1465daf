import type { AnyRoute } from '../registry.js';

export const legalBasisRoutes: AnyRoute[] = [];
