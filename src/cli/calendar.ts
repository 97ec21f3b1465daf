// Regenerates src/data/calendar-cn.json from the chinese-days package (a devDependency: the runtime reads only
// our JSON, so an operator can correct or extend it without a code change).
//   npm run calendar -- --from 2015 --to 2026 [--out src/data/calendar-cn.json]
// Years outside the range that are already in the file (e.g. added by hand) are kept as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { loadCalendar, type CalendarData } from '../lib/working-days.js';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } });
const from = Number(values.from ?? 2015);
const to = Number(values.to ?? 2026);
const out = values.out ?? new URL('../data/calendar-cn.json', import.meta.url).pathname;
if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
  console.error('Usage: npm run calendar -- --from <year> --to <year> [--out <file>]');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const pkg = require('chinese-days/package.json') as { version: string };
const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

const previous: CalendarData | null = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as CalendarData) : null;
const years: CalendarData['years'] = { ...previous?.years };
for (let year = from; year <= to; year++) {
  const inYear = (dates: Record<string, string>) => Object.keys(dates).filter((d) => d.startsWith(`${year}-`)).sort();
  const holidays = inYear(data.holidays);
  // Every year has 元旦 at least: no holidays means the notice is not in the package yet. An empty year would
  // silently count as weekends-only, so refuse instead.
  if (holidays.length === 0) {
    console.error(`chinese-days@${pkg.version} has no data for ${year}: the State Council notice may not be out or packaged yet.`);
    process.exit(1);
  }
  years[String(year)] = { holidays, workdays: inYear(data.workdays) };
}

const calendar: CalendarData = {
  source:
    `chinese-days@${pkg.version} (MIT), compiled from the 国务院办公厅关于…部分节假日安排的通知; ` +
    'regenerate with `npm run calendar -- --from <year> --to <year>`, or edit by hand from the notice.',
  years: Object.fromEntries(Object.entries(years).sort(([a], [b]) => a.localeCompare(b))),
};
loadCalendar(calendar); // the same validation the runtime applies

// One line per list keeps the file short and a year's diff readable.
const list = (dates: string[]) => `[${dates.map((d) => JSON.stringify(d)).join(', ')}]`;
const body = Object.entries(calendar.years)
  .map(([year, y]) => `    "${year}": {\n      "holidays": ${list(y.holidays)},\n      "workdays": ${list(y.workdays)}\n    }`)
  .join(',\n');
writeFileSync(out, `{\n  "source": ${JSON.stringify(calendar.source)},\n  "years": {\n${body}\n  }\n}\n`);
console.log(`Wrote ${Object.keys(calendar.years).join(', ')} to ${out}`);
