import { API_VERSION, routes } from '../../src/app.js';
import { buildOpenApi } from '../../src/openapi.js';
import { specChecker } from '../../fuzz/spec-check.js';

type Spec = ReturnType<typeof buildOpenApi>;
export const spec: Spec = buildOpenApi(routes, API_VERSION);

/** Checks a response against the spec built from the route table (see fuzz/spec-check.ts). */
export const specViolations = specChecker(spec);
