import type { CompanyHolidayStore, StoredCompanyHolidays } from '../../calendar.ts';
import { text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

export class SqlCompanyHolidayStore implements CompanyHolidayStore {
  constructor(private readonly database: SqlDatabase) {}

  async get(organization: string): Promise<StoredCompanyHolidays | undefined> {
    const row = await this.database.get(
      'SELECT holidays, updated_at FROM company_holidays WHERE organization = ?',
      [organization],
    );
    return row === undefined
      ? undefined
      : { holidays: text(row, 'holidays'), updatedAt: text(row, 'updated_at') };
  }

  async save(organization: string, stored: StoredCompanyHolidays): Promise<void> {
    await this.database.run(
      `INSERT INTO company_holidays (organization, holidays, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (organization) DO UPDATE SET holidays = excluded.holidays, updated_at = excluded.updated_at`,
      [organization, stored.holidays, stored.updatedAt],
    );
  }
}
