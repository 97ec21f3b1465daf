import { rawResidentIds, rawResidentIdsInResponse } from './raw-id.js';
import { isJsonType, type Outcome } from './send.js';
import type { SpecCheck } from './spec-check.js';

type ProblemKind = '5xx' | 'spec' | 'raw-id' | 'connection' | 'crash';

/** A failed check. Requests with the same signature are one finding. */
export interface Problem {
  kind: ProblemKind;
  signature: string;
  detail: string;
}

/** Every check on one answer: no 5xx, an HTTP answer at all, the answer the spec declares, no raw ID number. */
export function checkOutcome(outcome: Outcome, op: string, specCheck: SpecCheck): Problem[] {
  const { sent, status } = outcome;
  if (outcome.error) return [{ kind: 'connection', signature: `connection ${op} ${outcome.error}`, detail: outcome.error }];
  const problems: Problem[] = [];
  if (status >= 500) problems.push({ kind: '5xx', signature: `5xx ${op} ${status}`, detail: outcome.text.slice(0, 500) });
  // fetch resolves dot segments (/v1/penalties/./x is sent as /v1/penalties/x): check what the server saw.
  const pathname = new URL(sent.url, 'http://fuzz.invalid').pathname;
  const contentType = outcome.headers.find(([k]) => k === 'content-type')?.[1] ?? null;
  const body = outcome.json !== undefined ? outcome.json : outcome.text === '' ? null : isJsonType(contentType) ? Symbol('invalid JSON') : outcome.text;
  const violations = typeof body === 'symbol' ? [`${status} body is not valid JSON`] : specCheck(sent.method, pathname, status, contentType, body);
  if (violations.length) {
    // The first violation, numbers in JSON pointers generalised, names the finding.
    const head = violations[0]!.replace(/\/\d+(?=\/|\s|$)/g, '/*');
    problems.push({ kind: 'spec', signature: `spec ${sent.method} ${templateOf(op)} ${head}`, detail: violations.slice(0, 5).join('; ') });
  }
  const ids = rawResidentIdsInResponse(outcome.headers, outcome.text, outcome.json);
  if (ids.length) {
    const where = outcome.headers.filter(([, v]) => rawResidentIds(v).length).map(([k]) => `header ${k}`);
    problems.push({ kind: 'raw-id', signature: `raw-id ${op} ${status} ${where.join(',') || 'body'}`, detail: `${ids.length} raw ID number(s) in the ${where.join(', ') || 'body'}: ${ids.map(maskForReport).join(', ')}` });
  }
  return problems;
}

const templateOf = (op: string) => op.split(' ')[1] ?? op;

/** Reports name the found number without repeating it in full. */
const maskForReport = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

const SQL = /\b(select\s[\s\S]{1,200}?\sfrom|insert\s+into|update\s+"?\w+"?\s+set|delete\s+from|failed query|syntax error at or near)\b/i;

/** What must never be in the server log: raw ID numbers and SQL text. Returns one line per offending log line. */
export function checkLogLine(line: string): string | null {
  const ids = rawResidentIds(line);
  if (ids.length) return `raw ID number(s) ${ids.map(maskForReport).join(', ')} in log line: ${line.slice(0, 160).replace(/\d{17}[\dX]/g, '<id>')}`;
  if (SQL.test(line)) return `SQL in log line: ${line.slice(0, 300)}`;
  return null;
}
