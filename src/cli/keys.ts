import { parseArgs } from 'node:util';
import { openNodeDatabase } from '../db/open-node.js';
import { createKey, listKeys, revokeKey, toApiKey } from '../domain/keys.js';
import { KeyCreate } from '../schemas/keys.js';
import { envOrExit, exitOnError, reportError } from './report-error.js';

const usage = `Usage:
  npm run keys -- create --agency <id> [--name <text>] [--scopes publish,admin]
  npm run keys -- list [--agency <id>]
  npm run keys -- revoke --id <key id>
Uses DATABASE_URL, or the PGlite folder in DATA_DIR (stop the server first: PGlite allows one process).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { agency: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, id: { type: 'string' } },
});
const operator = { kind: 'admin' } as const;
const command = positionals[0];
if (!(command === 'create' || command === 'list' || (command === 'revoke' && values.id))) {
  console.error(usage);
  process.exit(2);
}
const database = await openNodeDatabase(envOrExit(process.env)).catch(exitOnError);
try {
  if (command === 'create') {
    const input = KeyCreate.parse({ agencyId: values.agency, name: values.name ?? 'cli', scopes: values.scopes?.split(',') ?? ['publish'] });
    const { row, secret } = await createKey(database.db, operator, new Date(), input);
    console.log(JSON.stringify({ ...toApiKey(row), secret }, null, 2));
    console.error('Store the secret now: it is not shown again and only its hash is kept.');
  } else if (command === 'list') {
    const rows = await listKeys(database.db, operator, values.agency);
    console.log(JSON.stringify(rows.map(toApiKey), null, 2));
  } else {
    console.log(JSON.stringify(toApiKey(await revokeKey(database.db, operator, new Date(), values.id!)), null, 2));
  }
} catch (err) {
  reportError(err);
} finally {
  await database.close();
}
