/** Request and response shapes shared by the service and the extension. The one place they are defined. */
export * from './delivery.ts';
export * from './deliveryFigures.ts';
export * from './deliveryItems.ts';
export * from './deliveryQuery.ts';
export * from './deliverySettings.ts';
export * from './deliveryStatus.ts';
export * from './errors.ts';
export * from './flow.ts';
export * from './flowItems.ts';
export * from './flowQuery.ts';
export * from './flowSeries.ts';
export * from './flowSummary.ts';
export * from './forecast.ts';
export * from './organizations.ts';
export * from './teamSettings.ts';
