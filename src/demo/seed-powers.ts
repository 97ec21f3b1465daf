import type { DemoContext } from './context.js';

export async function seedPowers(_ctx: DemoContext): Promise<void> {}
