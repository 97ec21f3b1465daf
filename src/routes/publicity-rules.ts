import { defineRoute, type AnyRoute } from '../registry.js';
import { PublicityRulesSchema } from '../lib/publicity-period.js';
import { decisionRules } from '../domain/decisions/rules.js';
import { etagHeaderSpec } from './links.js';

const PublicityRuleTable = PublicityRulesSchema.meta({ id: 'PublicityRuleTable', title: '公示期限规则表' });

/** The rule table this server applies (the operator's PUBLICITY_RULES_FILE, or the bundled defaults). */
export const publicityRuleRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/code-lists/publicity-rules',
    operationId: 'getPublicityRules',
    summary: '公示期限规则表',
    description:
      "How long a penalty stays public and when it may end early, per regime (credit: 国家发展改革委令第36号; samr: 总局令第45号): tiers by severity or penalty type, minimum/default/maximum months, types excluded from early termination, and each rule's source confidence (C/S/U). Operators can replace the table without a code change.",
    tag: 'code-lists',
    responses: { 200: { description: 'The rule table in force.', schema: PublicityRuleTable, headers: etagHeaderSpec } },
    handler: async ({ config }) => ({ status: 200 as const, body: decisionRules(config).publicityRules }),
  }),
];
