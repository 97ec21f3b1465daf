import type { DemoContext } from './context.js';

export async function seedOfficers(_ctx: DemoContext): Promise<void> {}
