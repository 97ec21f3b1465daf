import { commitDraw, contribute, drawById, inspectionDraw, PUBLIC_CONTRIBUTIONS, getDraw, readPublishedDraw, reveal, voidDraw } from '../../domain/inspections/draws.js';
import { drawProblem } from '../../domain/inspections/draw-engine.js';
import { versionEtag } from '../../domain/versioning.js';
import { DrawVerification, PublishedDraw } from '../../draw/published.js';
import { verifyDraw } from '../../draw/verify.js';
import { problems } from '../../errors.js';
import { defineRoute, type AnyRoute } from '../../registry.js';
import { DrawCommitBody, DrawContributionBody, DrawParams, DrawQuery, DrawRevealBody, DrawVoidBody } from '../../schemas/inspections/draws.js';
import { etagHeaderSpec } from '../links.js';
import { revisionRoutes } from '../revisions.js';

const tag = 'inspections';
const base = '/v1/inspection-tasks/{id}/draw';
const drawn = { description: 'The draw as published.', schema: PublishedDraw, headers: etagHeaderSpec };
const steps =
  'The three public steps (docs/draw-algorithm.md): commit, contributions, reveal. Anyone can recompute a revealed draw with GET …/draw/verify or offline with `npm run verify-draw -- <url>`.';

export const drawRoutes: AnyRoute[] = [
  defineRoute({
    method: 'post',
    path: `${base}/commit`,
    operationId: 'commitInspectionDraw',
    summary: '提交抽取承诺',
    description: `${steps} Commit, by the lead agency: freezes the eligible entity pool (its active directory entries matching the task's selection, stratified by 信用风险分类), the inspector pool (available inspectors of the lead and cooperating agencies) and the conflicts between them, each published with its SHA-256; freezes the task (409 to any change until voided); publishes SHA-256 of the agency's secret. A sample larger than its pool, fewer inspectors than needed, or an entity with too few inspectors after recusal is a 422 and nothing is written; a second commit is a 409.`,
    tag,
    auth: true,
    params: DrawParams,
    body: DrawCommitBody,
    problems: [404, 409, 422],
    responses: { 201: { ...drawn, description: 'Committed.', headers: { ...etagHeaderSpec, Location: { description: 'URL of the draw.', schema: { type: 'string' } } } } },
    handler: async ({ db, principal, now, params, body }) => {
      const { draw, published } = await commitDraw(db, principal, now(), params.id, body);
      return { status: 201 as const, body: published, etag: versionEtag(draw.version), headers: { Location: `/v1/inspection-tasks/${params.id}/draw` } };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/contributions`,
    operationId: 'contributeToInspectionDraw',
    summary: '提交随机数贡献',
    description:
      "Any agency's key other than the drawing agency's, or the operator, adds 32 random bytes while the contribution window is open (409 after it closes; 403 for the drawing agency). Each contribution is published in order and enters the seed, so nobody — the drawing agency included — can steer the outcome.",
    tag,
    auth: true,
    params: DrawParams,
    body: DrawContributionBody,
    problems: [404, 409],
    responses: { 201: { ...drawn, description: 'Added; the draw with every contribution so far.' } },
    handler: async ({ db, principal, now, params, body }) => {
      const { draw, published } = await contribute(db, principal, now(), params.id, body.value);
      return { status: 201 as const, body: published, etag: versionEtag(draw.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/public-contributions`,
    operationId: 'contributePubliclyToInspectionDraw',
    summary: '公众提交随机数贡献',
    description: `Anyone, without a key, adds 32 random bytes while the contribution window is open: at most ${PUBLIC_CONTRIBUTIONS} per draw, one per client address (409 beyond; the address is the connection's, or the one the deployment's proxy reports (CF-Connecting-IP on Cloudflare; the header the operator names on Node), and only a hash of it salted with the draw is kept). Published as by public; like every contribution it enters the seed.`,
    tag,
    anonymous: 'A bounded share of the public in the randomness of a draw; it can add unpredictability but cannot steer an outcome (the platform contributes last).',
    params: DrawParams,
    body: DrawContributionBody,
    problems: [404, 409],
    responses: { 201: { ...drawn, description: 'Added; the draw with every contribution so far.' } },
    handler: async ({ db, now, params, body, clientAddress }) => {
      // Requests whose address the runtime cannot tell share one.
      const client = clientAddress() ?? 'direct';
      const { draw, published } = await contribute(db, { kind: 'public', client }, now(), params.id, body.value);
      return { status: 201 as const, body: published, etag: versionEtag(draw.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/reveal`,
    operationId: 'revealInspectionDraw',
    summary: '揭示密值并抽取',
    description:
      'The lead agency reveals its secret once the contribution window has closed (409 before). A secret whose SHA-256 is not the commitment is a 422 and nothing is drawn. With the right secret the platform adds its own random contribution as the last one (unknown to every contributor until now, so nobody can have steered the outcome); the seed and the result (the entities selected, stratified where the task says so, and the inspectors assigned to each, skipping declared conflicts) are stored and never change; a second reveal is a 409.',
    tag,
    auth: true,
    params: DrawParams,
    body: DrawRevealBody,
    problems: [404, 409, 422],
    responses: { 200: { ...drawn, description: 'Revealed and drawn.' } },
    handler: async ({ db, principal, now, params, body }) => {
      const { draw, published } = await reveal(db, principal, now(), params.id, body.secret);
      return { status: 200 as const, body: published, etag: versionEtag(draw.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/void`,
    operationId: 'voidInspectionDraw',
    summary: '作废抽取',
    description:
      'The lead agency voids a committed or revealed draw with a public reason; the voided draw stays published (GET …/draw?attempt=n) and the task may be drawn again as a new attempt. A draw with published results cannot be voided (409).',
    tag,
    auth: true,
    params: DrawParams,
    body: DrawVoidBody,
    problems: [404, 409],
    responses: { 200: { ...drawn, description: 'Voided.' } },
    handler: async ({ db, principal, now, params, body }) => {
      const { draw, published } = await voidDraw(db, principal, now(), params.id, body.reason);
      return { status: 200 as const, body: published, etag: versionEtag(draw.version) };
    },
  }),
  defineRoute({
    method: 'get',
    path: base,
    operationId: 'getInspectionDraw',
    summary: '抽取详情',
    description: `${steps} Returns the inputs, the commitment, the contributions, the revealed secret and seed, the algorithm version and the result; with include=pools, the frozen pools inline.`,
    tag,
    params: DrawParams,
    query: DrawQuery,
    problems: [404],
    responses: { 200: drawn },
    handler: async ({ db, params, query }) => {
      const draw = await getDraw(db, params.id, query.attempt);
      const body = await readPublishedDraw(db, draw, query.include === 'pools');
      const etag = query.include ? `"v${draw.version}.pools"` : versionEtag(draw.version);
      // A voided draw never changes again; a revealed one still may be voided until results are published.
      return { status: 200 as const, body, etag, ...(draw.status === 'voided' ? { cache: 'immutable' as const } : {}) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/verify`,
    operationId: 'verifyInspectionDraw',
    summary: '复核抽取',
    description: 'Recomputes the revealed draw from its published inputs with the published algorithm, check by check (pool hashes, commitment, seed, result). 409 while the draw is not revealed.',
    tag,
    params: DrawParams,
    query: DrawQuery.pick({ attempt: true }),
    problems: [404, 409],
    responses: { 200: { description: 'The checks.', schema: DrawVerification } },
    handler: async ({ db, params, query }) => {
      const draw = await getDraw(db, params.id, query.attempt);
      if (!draw.secret) throw problems.conflict(`The draw is ${draw.status} and not revealed: there is nothing to recompute yet.`);
      try {
        return { status: 200 as const, body: verifyDraw(await readPublishedDraw(db, draw, true)) };
      } catch (err) {
        throw drawProblem(err);
      }
    },
  }),
  ...revisionRoutes({ type: inspectionDraw.type, collection: '/v1/inspection-draws', tag, label: '双随机抽取', exists: drawById }),
];
