/**
 * Zod schemas of the payloads the simulator answers with (the fields consumers use). The official
 * example payloads validate against them too (tests/integration/simulator/schemas.test.ts).
 */
export * from './common.ts';
export * from './workItems.ts';
export * from './work.ts';
export * from './delivery.ts';
export * from './git.ts';
export * from './hooks.ts';
