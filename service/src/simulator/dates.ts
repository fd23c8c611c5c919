/** Dates as the service writes them: ISO 8601 UTC with trailing zero milliseconds trimmed. */
export function formatAdoDate(date: Date): string {
  return date.toISOString().replace(/\.?0+Z$/, 'Z');
}

export const FAR_FUTURE = '9999-01-01T00:00:00Z';

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** RFC 1123, what Date.prototype.toUTCString() produces (azure-devops-node-api sends dates so). */
const RFC_1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Parses a query-string date in ISO 8601 or RFC 1123 form; undefined when it is neither. */
export function parseQueryDate(value: string): Date | undefined {
  const trimmed = value.trim();
  if (!ISO.test(trimmed) && !RFC_1123.test(trimmed)) return undefined;
  const isoWithoutZone = ISO.test(trimmed) && trimmed.includes('T') && !/(Z|[+-]\d{2}:?\d{2})$/.test(trimmed);
  const parsed = new Date(isoWithoutZone ? `${trimmed}Z` : trimmed);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
