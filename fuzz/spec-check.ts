import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document the checker reads. */
export interface OpenApiDocument {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
export type SpecCheck = (method: string, pathname: string, status: number, contentType: string | null, body: unknown) => string[];

/**
 * A checker of responses against a published spec: the operation must declare the status and media type,
 * and the body must validate against the declared schema. It returns a list of problems (empty when fine).
 * Shared by the test suite (on the spec built in-process) and the fuzzer (on the served document).
 */
export function specChecker(spec: OpenApiDocument): SpecCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats' default export is typed for CommonJS ajv; the call is the same.
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const rewrite = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"components#/$defs/'));
  ajv.addSchema({ $id: 'components', $defs: rewrite(spec.components?.schemas ?? {}) as object });

  // Literal paths first (/v1/penalties/batch before /v1/penalties/{id}), as the router matches them.
  const templates = Object.keys(spec.paths ?? {})
    .map((path) => ({ path, regex: new RegExp('^' + path.replace(/\{[^}]+\}/g, '[^/]+') + '$'), params: (path.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  const cache = new Map<string, ValidateFunction>();

  return (method, pathname, status, contentType, body) => {
    const template = templates.find((t) => t.regex.test(pathname));
    if (!template) return status === 404 ? [] : [`no spec path matches ${pathname}`];
    const operation = (spec.paths![template.path] as Record<string, Operation>)[method.toLowerCase()];
    if (!operation) return status === 404 || status === 405 ? [] : [`spec has no ${method} ${template.path}`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${template.path} does not declare status ${status}`];
    if (!response.content) return body === null || body === '' ? [] : [`${status} declares no body`];
    const mediaType = (contentType ?? '').split(';')[0]!.trim();
    const media = response.content[mediaType];
    if (!media) return [`${method} ${template.path} ${status} does not declare ${mediaType}`];
    const key = `${method} ${template.path} ${status} ${mediaType}`;
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(rewrite(media.schema) as object);
      cache.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath} ${e.message}`);
  };
}
