import { errors } from '../errors.ts';
import { parseQueryDate } from '../dates.ts';

/** Query-string helpers shared by the routes (names are matched as the service does: exactly). */
export const flag = (value: string | null): boolean => value?.toLowerCase() === 'true';

export function csv(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length === 0 ? undefined : items;
}

export function wholeNumber(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw errors.invalidArgument(`Invalid value '${raw}' for parameter ${name}.`);
  return value;
}

export function intList(query: URLSearchParams, name: string): number[] | undefined {
  const items = csv(query.get(name));
  if (items === undefined) return undefined;
  return items.map((item) => {
    const value = Number(item);
    if (!Number.isInteger(value))
      throw errors.invalidArgument(`Invalid value '${item}' for parameter ${name}.`);
    return value;
  });
}

export function dateParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const parsed = parseQueryDate(raw);
  if (!parsed)
    throw errors.invalidArgument(`The value '${raw}' is not a valid DateTime for parameter ${name}.`);
  return parsed.getTime();
}

/**
 * Enum query values as the service binds them: the member name (any case), its number, or for flags
 * enums a comma-separated list of names; azure-devops-node-api sends the numbers.
 */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  members: Readonly<Record<T, number>>,
): Set<T> | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const entries = Object.entries(members) as [T, number][];
  const chosen = new Set<T>();
  for (const part of raw.split(',').map((item) => item.trim())) {
    if (/^\d+$/.test(part)) {
      const number = Number(part);
      const exact = entries.find(([, value]) => value === number);
      if (exact) chosen.add(exact[0]);
      else
        for (const [member, value] of entries)
          if (value !== 0 && (number & value) === value) chosen.add(member);
      if (number !== 0 && chosen.size === 0)
        throw errors.invalidArgument(`The value '${raw}' is not valid for ${name}.`);
      continue;
    }
    const match = entries.find(([member]) => member.toLowerCase() === part.toLowerCase());
    if (!match) throw errors.invalidArgument(`The value '${raw}' is not valid for ${name}.`);
    chosen.add(match[0]);
  }
  return chosen;
}

/** `$skip` / `$top` offset paging. */
export function skipTop<T>(
  query: URLSearchParams,
  items: readonly T[],
  defaultTop: number,
  maxTop = Infinity,
): T[] {
  const skip = wholeNumber(query, '$skip') ?? 0;
  const top = Math.min(wholeNumber(query, '$top') ?? defaultTop, maxTop);
  return items.slice(skip, skip + top);
}
