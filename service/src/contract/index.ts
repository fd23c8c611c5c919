/** Request and response shapes shared by the service and the extension. The one place they are defined. */
export * from './delivery/responses.ts';
export * from './delivery/figures.ts';
export * from './delivery/items.ts';
export * from './delivery/query.ts';
export * from './delivery/settings.ts';
export * from './delivery/status.ts';
export * from './errors.ts';
export * from './flow/responses.ts';
export * from './flow/items.ts';
export * from './flow/query.ts';
export * from './flow/series.ts';
export * from './flow/summary.ts';
export * from './flow/forecast.ts';
export * from './organizations.ts';
export * from './flow/teamSettings.ts';
