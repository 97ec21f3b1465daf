import { openNodeDatabase } from '../db/open-node.js';
import { envOrExit, reportError } from './report-error.js';

// Applies the committed migrations to DATABASE_URL (or the PGlite folder in DATA_DIR).
const env = envOrExit({ ...process.env, MIGRATE: 'true' });
try {
  const database = await openNodeDatabase(env);
  await database.close();
  console.log(`migrations applied (${database.kind})`);
} catch (err) {
  reportError(err);
}
