/**
 * An organization's company holidays (29 Dec – 3 Jan, a founding day, …): read by any member, replaced as
 * a whole by collection administrators (the access layer checks the role; the audit layer records it).
 */
import {
  companyHolidaySchema,
  type CompanyHoliday,
  type CompanyHolidaysResponse,
} from '../../contract/calendar/workingCalendar.ts';
import type { CompanyHolidayStore, StoredCompanyHolidays } from '../../storage/calendar.ts';
import { NotFoundError } from '../errors.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { checkCompanyHolidays, type CompanyHolidayProblem } from './companyHolidayValidation.ts';

/** A refused list: the router answers 422 with the problem's code, message and field. */
export class CompanyHolidayError extends Error {
  constructor(readonly problem: CompanyHolidayProblem) {
    super(problem.message);
    this.name = 'CompanyHolidayError';
  }
}

export interface CompanyHolidaysService {
  get(organization: string): Promise<CompanyHolidaysResponse>;
  replace(organization: string, holidays: readonly unknown[]): Promise<CompanyHolidaysResponse>;
}

/** Rows were checked when saved; one that no longer parses is dropped rather than failing every answer. */
export function decodeCompanyHolidays(stored: StoredCompanyHolidays | undefined): CompanyHoliday[] {
  if (stored === undefined) return [];
  let value: unknown;
  try {
    value = JSON.parse(stored.holidays);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = companyHolidaySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export function createCompanyHolidaysService(dependencies: {
  store: CompanyHolidayStore;
  organizations: OrganizationDirectory;
  now?: () => number;
}): CompanyHolidaysService {
  const { store, organizations } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function organizationOf(name: string): Promise<string> {
    const organization = await organizations.find(name);
    if (organization === undefined) {
      throw new NotFoundError(`Organization "${name}" is not connected to this Seika service.`);
    }
    return organization.name;
  }

  return {
    async get(name) {
      const organization = await organizationOf(name);
      const stored = await store.get(organization);
      return {
        organization,
        holidays: decodeCompanyHolidays(stored),
        updatedAt: stored?.updatedAt ?? null,
      };
    },
    async replace(name, entries) {
      const organization = await organizationOf(name);
      const checked = checkCompanyHolidays(entries);
      if ('problem' in checked) throw new CompanyHolidayError(checked.problem);
      const previous = await store.get(organization);
      // Strictly increasing, so answers keyed by it change with every save, even within one millisecond.
      const at = Math.max(now(), previous === undefined ? 0 : Date.parse(previous.updatedAt) + 1);
      const stored = { holidays: JSON.stringify(checked.holidays), updatedAt: new Date(at).toISOString() };
      await store.save(organization, stored);
      return { organization, holidays: checked.holidays, updatedAt: stored.updatedAt };
    },
  };
}
