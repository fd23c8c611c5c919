/**
 * Calendar days in a team's IANA time zone. A day is written YYYY-MM-DD; internally it is an
 * epoch-day index (days since 1970-01-01), which makes day arithmetic plain integer arithmetic.
 *
 * Intl formatting is slow, so the UTC offset of a zone is cached per UTC day (a flat table for
 * 1970–2099) and per UTC hour on the few days where the offset changes. Each entry costs two
 * formatter calls; an offset is assumed not to change twice within one bucket.
 */

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset marker for a UTC day on which the zone's offset changes: look up hour buckets instead. */
const MIXED = Number.POSITIVE_INFINITY;
/** UTC days 1970-01-01 … 2099-12-31 keep their offsets in a flat table (NaN = not looked up yet). */
const DENSE_DAYS = 47_482;

interface ZoneCache {
  formatter: Intl.DateTimeFormat;
  denseOffsetByUtcDay: Float64Array | undefined;
  offsetByUtcDay: Map<number, number>;
  offsetByUtcHour: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
const dayStringByIndex = new Map<number, string>();
const dayIndexByString = new Map<string, number>();

let lastZone: { name: string; cache: ZoneCache } | undefined;

function zoneCache(timeZone: string): ZoneCache {
  if (lastZone?.name === timeZone) return lastZone.cache;
  let cache = zones.get(timeZone);
  if (cache === undefined) {
    cache = {
      formatter: new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      denseOffsetByUtcDay: undefined,
      offsetByUtcDay: new Map(),
      offsetByUtcHour: new Map(),
    };
    zones.set(timeZone, cache);
  }
  lastZone = { name: timeZone, cache };
  return cache;
}

/** Exact offset (wall clock minus UTC, in ms) at one instant: the slow path, one formatter call. */
function exactOffset(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(wholeSecond)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields['year'] ?? 1970,
    (fields['month'] ?? 1) - 1,
    fields['day'] ?? 1,
    fields['hour'] ?? 0,
    fields['minute'] ?? 0,
    fields['second'] ?? 0,
  );
  return wall - wholeSecond;
}

/** Offset from a bucket [start, start + length): constant if both ends agree (zones never change twice in a bucket). */
function bucketOffset(formatter: Intl.DateTimeFormat, start: number, length: number): number {
  const first = exactOffset(formatter, start);
  return first === exactOffset(formatter, start + length - 1) ? first : MIXED;
}

function denseDayOffset(cache: ZoneCache, utcDay: number): number {
  cache.denseOffsetByUtcDay ??= new Float64Array(DENSE_DAYS).fill(Number.NaN);
  let offset = cache.denseOffsetByUtcDay[utcDay] ?? Number.NaN;
  if (Number.isNaN(offset)) {
    offset = bucketOffset(cache.formatter, utcDay * MS_PER_DAY, MS_PER_DAY);
    cache.denseOffsetByUtcDay[utcDay] = offset;
  }
  return offset;
}

function sparseDayOffset(cache: ZoneCache, utcDay: number): number {
  let offset = cache.offsetByUtcDay.get(utcDay);
  if (offset === undefined) {
    offset = bucketOffset(cache.formatter, utcDay * MS_PER_DAY, MS_PER_DAY);
    cache.offsetByUtcDay.set(utcDay, offset);
  }
  return offset;
}

/** UTC offset of `timeZone` at `epochMs`, in milliseconds (Asia/Tokyo: +32,400,000). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const cache = zoneCache(timeZone);
  const utcDay = Math.floor(epochMs / MS_PER_DAY);
  const offset =
    utcDay >= 0 && utcDay < DENSE_DAYS ? denseDayOffset(cache, utcDay) : sparseDayOffset(cache, utcDay);
  if (offset !== MIXED) return offset;
  const utcHour = Math.floor(epochMs / MS_PER_HOUR);
  let hourOffset = cache.offsetByUtcHour.get(utcHour);
  if (hourOffset === undefined) {
    hourOffset = bucketOffset(cache.formatter, utcHour * MS_PER_HOUR, MS_PER_HOUR);
    cache.offsetByUtcHour.set(utcHour, hourOffset);
  }
  return hourOffset === MIXED ? exactOffset(cache.formatter, epochMs) : hourOffset;
}

/** Epoch-day index of the calendar date that `epochMs` falls on in `timeZone`. */
export function dayIndexOf(epochMs: number, timeZone: string): number {
  return Math.floor((epochMs + offsetAt(epochMs, timeZone)) / MS_PER_DAY);
}

/** YYYY-MM-DD of an epoch-day index. */
export function dayFromIndex(index: number): string {
  let day = dayStringByIndex.get(index);
  if (day === undefined) {
    day = new Date(index * MS_PER_DAY).toISOString().slice(0, 10);
    dayStringByIndex.set(index, day);
  }
  return day;
}

/** Epoch-day index of a YYYY-MM-DD date; throws RangeError for anything that is not a real date. */
export function dayIndex(day: string): number {
  const cached = dayIndexByString.get(day);
  if (cached !== undefined) return cached;
  const match = DAY_PATTERN.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  const index = ms / MS_PER_DAY;
  if (!Number.isInteger(index) || dayFromIndex(index) !== day) {
    throw new RangeError(`"${day}" is not a calendar date written YYYY-MM-DD`);
  }
  dayIndexByString.set(day, index);
  return index;
}

/** The YYYY-MM-DD calendar date that `epochMs` falls on in `timeZone`. */
export function dayOf(epochMs: number, timeZone: string): string {
  return dayFromIndex(dayIndexOf(epochMs, timeZone));
}

/** `toDay − fromDay` in whole calendar days (negative when toDay is earlier). */
export function daysBetween(fromDay: string, toDay: string): number {
  return dayIndex(toDay) - dayIndex(fromDay);
}

export function addDays(day: string, n: number): string {
  return dayFromIndex(dayIndex(day) + n);
}

/** Distinct offsets the zone uses within a day of `utcMidnight`: a day boundary uses one of them. */
function nearbyOffsets(utcMidnight: number, timeZone: string): number[] {
  const offsets = new Set<number>();
  for (let hours = -36; hours <= 36; hours += 6)
    offsets.add(offsetAt(utcMidnight + hours * MS_PER_HOUR, timeZone));
  return [...offsets];
}

/** Milliseconds since local midnight at `epochMs`, and the local day index. */
function wallClock(epochMs: number, timeZone: string): { day: number; msOfDay: number } {
  const local = epochMs + offsetAt(epochMs, timeZone);
  const day = Math.floor(local / MS_PER_DAY);
  return { day, msOfDay: local - day * MS_PER_DAY };
}

/** First instant at or after `low` whose local day is at least `index` (the day is monotonic in [low, high]). */
function firstInstantOfDay(index: number, low: number, high: number, timeZone: string): number {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayIndexOf(mid, timeZone) >= index) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Epoch ms of the first instant of `day` in `timeZone`: local 00:00, or the end of a DST gap when
 * the zone skips midnight (e.g. clocks jump from 24:00 to 01:00).
 */
export function startOfDay(day: string, timeZone: string): number {
  const index = dayIndex(day);
  const utcMidnight = index * MS_PER_DAY;
  const offsets = nearbyOffsets(utcMidnight, timeZone);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of offsets) {
    const candidate = utcMidnight - offset;
    const wall = wallClock(candidate, timeZone);
    if (wall.day === index && wall.msOfDay === 0 && candidate < best) best = candidate;
  }
  if (Number.isFinite(best)) return best;
  // Local midnight does not exist: the day begins at the transition out of the previous day.
  const low = utcMidnight - Math.max(...offsets);
  const high = utcMidnight - Math.min(...offsets);
  return firstInstantOfDay(index, low, high, timeZone);
}

/**
 * Epoch ms of the last millisecond of `day` in `timeZone` (inclusive). Where clocks fall back across
 * midnight, this is the end of the repeated hour, the last instant that is still `day`.
 */
export function endOfDay(day: string, timeZone: string): number {
  const index = dayIndex(day);
  const nextUtcMidnight = (index + 1) * MS_PER_DAY;
  let best = Number.NEGATIVE_INFINITY;
  for (const offset of nearbyOffsets(nextUtcMidnight, timeZone)) {
    const candidate = nextUtcMidnight - offset - 1;
    const wall = wallClock(candidate, timeZone);
    if (wall.day === index && wall.msOfDay === MS_PER_DAY - 1 && candidate > best) best = candidate;
  }
  return Number.isFinite(best) ? best : startOfDay(dayFromIndex(index + 1), timeZone) - 1;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneCache(timeZone);
    return true;
  } catch {
    return false;
  }
}
