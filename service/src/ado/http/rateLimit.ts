/** The rate-limit headers Azure DevOps sends (all but Delay arrive before delays start). Seconds/epoch. */
export interface RateLimitInfo {
  resource?: string;
  delay?: number;
  limit?: number;
  remaining?: number;
  reset?: number;
  retryAfter?: number;
}

type HeaderSource = Headers | Readonly<Record<string, string | string[] | undefined>>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Reads the headers; Retry-After may also be an HTTP date (RFC 9110), converted to seconds from `now`. */
export function readRateLimitHeaders(headers: HeaderSource, now: number): RateLimitInfo | undefined {
  const retryAfterText = header(headers, 'retry-after');
  let retryAfter = numberOf(retryAfterText);
  if (retryAfter === undefined && retryAfterText !== undefined) {
    const date = Date.parse(retryAfterText);
    if (!Number.isNaN(date)) retryAfter = Math.max(0, (date - now) / 1000);
  }
  const info: RateLimitInfo = {};
  const resource = header(headers, 'x-ratelimit-resource');
  if (resource !== undefined) info.resource = resource;
  const fields: [keyof Omit<RateLimitInfo, 'resource' | 'retryAfter'>, string][] = [
    ['delay', 'x-ratelimit-delay'],
    ['limit', 'x-ratelimit-limit'],
    ['remaining', 'x-ratelimit-remaining'],
    ['reset', 'x-ratelimit-reset'],
  ];
  for (const [field, name] of fields) {
    const value = numberOf(header(headers, name));
    if (value !== undefined) info[field] = value;
  }
  if (retryAfter !== undefined) info.retryAfter = retryAfter;
  return Object.keys(info).length === 0 ? undefined : info;
}

/** azure-devops-node-api attaches the same information as `rateLimit` on results and errors. */
export function attachedRateLimit(value: unknown): RateLimitInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const attached: unknown = Reflect.get(value, 'rateLimit');
  if (typeof attached !== 'object' || attached === null) return undefined;
  const info: RateLimitInfo = {};
  for (const key of ['delay', 'limit', 'remaining', 'reset', 'retryAfter'] as const) {
    const field: unknown = Reflect.get(attached, key);
    if (typeof field === 'number' && Number.isFinite(field)) info[key] = field;
  }
  const resource: unknown = Reflect.get(attached, 'resource');
  if (typeof resource === 'string') info.resource = resource;
  return info;
}
