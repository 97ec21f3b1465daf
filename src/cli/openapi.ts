import { writeFileSync } from 'node:fs';
import { API_VERSION, routes } from '../app.js';
import { buildOpenApi } from '../openapi.js';

// Writes the OpenAPI 3.1 document to a file (default openapi.json) without starting a server.
const out = process.argv[2] ?? 'openapi.json';
writeFileSync(out, JSON.stringify(buildOpenApi(routes, API_VERSION), null, 2) + '\n');
console.log(`wrote ${out}`);
