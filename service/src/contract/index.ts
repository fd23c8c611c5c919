/** Request and response shapes shared by the service and the extension. The one place they are defined. */
export * from './errors.ts';
export * from './flow.ts';
export * from './flowItems.ts';
export * from './flowQuery.ts';
export * from './flowSeries.ts';
export * from './flowSummary.ts';
export * from './forecast.ts';
export * from './organizations.ts';
export * from './teamSettings.ts';
