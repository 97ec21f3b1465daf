import { fileURLToPath } from 'node:url';

/** The committed drizzle/ folder, found relative to this module so any working directory works (Node only). */
export function migrationsFolder(): string {
  return fileURLToPath(new URL('../../drizzle', import.meta.url));
}
