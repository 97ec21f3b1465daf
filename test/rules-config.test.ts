import { describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env.js';
import { deadline } from '../src/domain/decisions/timeliness.js';
import { rulesConfig } from '../src/rules-config.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { admin, useTestApp } from './support/app.js';
import { validPenalty } from './support/penalties.js';

const env = (vars: Record<string, string>) => parseEnv({ ...vars });

describe('operator rules from configuration', () => {
  it('extends the official calendar from a file without a code change', () => {
    // 2026-12-31 + 3 working days: 2027 is not in the bundled data, so weekends only and provisional.
    const bundled = rulesConfig(env({}), () => ({}));
    expect(bundled.calendar).toBeUndefined();
    const before = deadline('2026-12-31', 3, new Date('2027-01-06T02:00:00Z'), rulesConfigCalendarOrDefault());
    expect(before).toMatchObject({ dueDate: '2027-01-05', calendarProvisional: true });

    const file = { source: 'test notice', years: { '2027': { holidays: ['2027-01-01', '2027-01-04'], workdays: [] } } };
    const rules = rulesConfig(env({ CALENDAR_FILE: 'cal.json' }), (path) => (path === 'cal.json' ? file : null));
    const after = deadline('2026-12-31', 3, new Date('2027-01-06T02:00:00Z'), rules.calendar!);
    // 01-01 and 01-04 off: 01-05, 01-06, 01-07.
    expect(after).toMatchObject({ dueDate: '2027-01-07', calendarProvisional: false, late: false });
  });

  it('refuses a calendar file with a bad entry, naming it', () => {
    const file = { source: 'x', years: { '2027': { holidays: ['2027-02-30'], workdays: [] } } };
    expect(() => rulesConfig(env({ CALENDAR_FILE: 'cal.json' }), () => file)).toThrow(/2027/);
  });

  it('reads the masking rule and default regime from the environment', () => {
    const rules = rulesConfig(env({ MASK_KEEP_START: '3', MASK_KEEP_END: '2', PUBLICITY_REGIME: 'samr' }), () => null);
    expect(rules.masking).toMatchObject({ keepStart: 3, keepEnd: 2 });
    expect(rules.publicityRegime).toBe('samr');
    expect(() => rulesConfig(env({ MASK_KEEP_START: '3', MASK_KEEP_END: '0' }), () => null)).not.toThrow();
  });
});

function rulesConfigCalendarOrDefault() {
  return rulesConfig(env({ CALENDAR_FILE: 'empty.json' }), () => ({ source: 'none', years: {} })).calendar!;
}

const ID = completeResidentId('11010519800307002');
const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z'), config: { masking: { keepStart: 3, keepEnd: 2, mask: '#' }, publicityRegime: 'samr' } });

describe('a configured app', () => {
  it('masks with the configured rule and applies the configured regime', async () => {
    const agency = await t.createAgency();
    const res = await t.post(
      '/v1/penalties',
      validPenalty({ agencyId: agency.id, party: { name: '王五', category: '02', idType: '01', idNumber: ID } }),
      admin,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.party.idNumber).toBe(ID.slice(0, 3) + '#'.repeat(13) + ID.slice(-2));
    expect(res.body.publicity).toMatchObject({ regime: 'samr', severity: null });
  });
});
