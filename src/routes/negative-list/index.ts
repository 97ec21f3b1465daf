import type { AnyRoute } from '../../registry.js';
import { editionRoutes } from './editions.js';
import { itemRoutes } from './items.js';
import { queryRoutes } from './queries.js';

/** 市场准入负面清单: editions, items and measures, and the queries over them, under one tag. */
export const negativeListRoutes: AnyRoute[] = [...editionRoutes, ...itemRoutes, ...queryRoutes];
