/** Sprint outcome targets: working-day calendars, scope against the baseline, daily outlooks, review. */
export * from './calibration.ts';
export * from './cycleTimeDraws.ts';
export * from './japaneseHolidays.ts';
export * from './membership.ts';
export * from './deliveryTargets.ts';
export * from './fromFlow.ts';
export * from './itemTargets.ts';
export * from './outlook.ts';
export * from './outlookContext.ts';
export * from './pastSprints.ts';
export * from './review.ts';
export * from './sprintDay.ts';
export * from './sprintScope.ts';
export * from './suggest.ts';
export * from './targetKinds.ts';
export * from './teamWorkingCalendar.ts';
export * from './workingCalendar.ts';
