import type { Random } from '../model/random.ts';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Working hours of the simulated teams: 09:00–18:00 Japan time (00:00–09:00 UTC), Monday to Friday. */
const WORK_START_UTC = 0;
const WORK_END_UTC = 9 * HOUR;
const JST = 9 * HOUR;

export function isWorkingDay(time: number): boolean {
  const day = new Date(time + JST).getUTCDay();
  return day !== 0 && day !== 6;
}

export function isWorkingTime(time: number): boolean {
  const ofDay = ((time % DAY) + DAY) % DAY;
  return isWorkingDay(time) && ofDay >= WORK_START_UTC && ofDay < WORK_END_UTC;
}

/** `time` itself during working hours, else the start of the next working period. */
export function nextWorkingTime(time: number): number {
  let at = time;
  for (let guard = 0; guard < 10 && !isWorkingTime(at); guard += 1) {
    const dayStart = Math.floor(at / DAY) * DAY;
    const ofDay = at - dayStart;
    at = ofDay < WORK_START_UTC ? dayStart + WORK_START_UTC : dayStart + DAY + WORK_START_UTC;
  }
  return at;
}

/** Adds `duration` of working time to `time` (nights and weekends do not count). */
export function addWorkingTime(time: number, duration: number): number {
  let at = nextWorkingTime(time);
  let left = duration;
  for (let guard = 0; guard < 400; guard += 1) {
    const dayStart = Math.floor(at / DAY) * DAY;
    const room = dayStart + WORK_END_UTC - at;
    if (left <= room) return at + left;
    left -= room;
    at = nextWorkingTime(dayStart + DAY);
  }
  return at + left;
}

export function normal(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal duration: `median` in ms, `spread` the sigma of the logarithm, clamped to [min, max]. */
export function logNormal(random: Random, median: number, spread: number, min = 0, max = Infinity): number {
  return Math.min(max, Math.max(min, Math.round(median * Math.exp(spread * normal(random)))));
}

/** Exponential gap for a Poisson process with `perDay` events per working day, in working time. */
export function poissonGap(random: Random, perDay: number): number {
  const workingDay = WORK_END_UTC - WORK_START_UTC;
  return Math.round((-Math.log(Math.max(random.next(), 1e-12)) / perDay) * workingDay);
}
