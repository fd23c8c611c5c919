import { z } from 'zod';

/** Kept in the contract (not imported from the service): the contract is compiled into the front end too. */
function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, 'is not an IANA time zone such as Asia/Tokyo or UTC');
