import type { DemoContext } from './context.js';

export async function seedProcedures(_ctx: DemoContext): Promise<void> {}
