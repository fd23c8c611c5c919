/** Request and response shapes shared by the service and the extension. The one place they are defined. */
export * from './errors.ts';
export * from './flow.ts';
export * from './organizations.ts';
