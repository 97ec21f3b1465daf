/**
 * Characters that make a text read differently from what it holds: C0/C1 controls, bidi overrides and isolates,
 * zero-width and other format characters. Refused (400 naming the field) in every string of every write
 * operation, generated from the document; line breaks and tabs are refused in one-line fields only. Text is
 * stored in NFC.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cannotCarryNumbers, requestStrings } from './support/request-strings.js';
import { useTestApp } from './support/app.js';
import { send, setAt, writeRequests, type WriteRequests } from './support/write-requests.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
let requests: WriteRequests;
beforeAll(async () => {
  ({ requests } = await writeRequests(t));
});

const strings = requestStrings().filter((s) => s.in === 'body' && !cannotCarryNumbers(s.schema));
const ops = [...new Set(strings.map((s) => s.operationId))].sort();
const HIDDEN = ['\u202e', '\u2066', '\u200b', '\u0007', '\u009b', '\u00ad', '\ufeff'];
const concrete = (pointer: string) => pointer.replaceAll('/*', '/0');

describe('hidden characters in any string of a request body', () => {
  it.each(ops)('%s: every field refuses controls, bidi and invisible format characters', async (op) => {
    for (const ch of HIDDEN) {
      const req = await requests[op]!();
      const body = structuredClone(req.body ?? {});
      const targets = strings.filter((s) => s.operationId === op);
      for (const target of targets) setAt(body, target.pointer, `示例${ch}文本`);
      const res = await send(t, { ...req, body });
      const where = `${op} with U+${ch.codePointAt(0)!.toString(16)}`;
      expect(res.status, where).toBe(400);
      const named = (p: string) => res.body.errors.some((e: any) => e.pointer === p || p.startsWith(e.pointer + '/'));
      expect(targets.filter((s) => !named(concrete(s.pointer))).map((s) => s.pointer), where).toEqual([]);
    }
  });
});

describe('line breaks and normal form', () => {
  it('allows line breaks in prose and refuses them in a name or a number', async () => {
    const req = await requests.createPenalty!();
    const ok = await send(t, { ...req, body: { ...req.body, facts: '第一行\n第二行\r\n\t第三行' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.facts).toBe('第一行\n第二行\r\n\t第三行');
    const bad = await send(t, { ...req, body: { ...req.body, decisionNumber: '示市监处罚\n〔2026〕1号', party: { ...(req.body!.party as object), name: '某某\t公司' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.pointer).sort()).toEqual(['/decisionNumber', '/party/name']);
  });

  it('stores text in NFC, so one name has one form (a decomposed accent, a CJK compatibility ideograph)', async () => {
    const req = await requests.createPenalty!();
    const res = await send(t, { ...req, body: { ...req.body, facts: 'Cafe\u0301 与 \uf900 商行', party: { ...(req.body!.party as object), name: 'Cafe\u0301示例商行' } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stored = (await t.request(`/v1/penalties/${res.body.id}`)).body;
    expect(stored.party.name).toBe('Caf\u00e9示例商行');
    expect(stored.facts).toBe('Caf\u00e9 与 \u8c48 商行');
  });
});
