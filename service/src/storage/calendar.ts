/** An organization's company holidays (table company_holidays): the whole list, saved at once. */

export interface StoredCompanyHolidays {
  /** The ranges as JSON text; the service parses them with the contract's schema. */
  holidays: string;
  /** ISO instant of the last save. */
  updatedAt: string;
}

export interface CompanyHolidayStore {
  get(organization: string): Promise<StoredCompanyHolidays | undefined>;
  save(organization: string, stored: StoredCompanyHolidays): Promise<void>;
}
