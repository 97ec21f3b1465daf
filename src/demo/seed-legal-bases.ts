import type { DemoContext } from './context.js';

export async function seedLegalBases(_ctx: DemoContext): Promise<void> {}
