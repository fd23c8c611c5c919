import { Router } from 'express';
import { companyHolidaysInputSchema } from '../../contract/calendar/workingCalendar.ts';
import {
  CompanyHolidayError,
  type CompanyHolidaysService,
} from '../../services/calendar/companyHolidaysService.ts';
import { HttpError } from '../httpErrors.ts';
import { parseParameters, textField } from '../params.ts';

export const COMPANY_HOLIDAYS_PATH = '/organizations/:organization/company-holidays';

function organizationOf(params: unknown): string {
  const organization = textField(params, 'organization');
  if (organization === undefined || organization === '') {
    throw new HttpError(400, 'invalid_parameter', 'Path segment "organization" is required.', 'organization');
  }
  return organization;
}

/**
 * GET (members) and PUT (collection administrators; the access table says who, the audit layer records
 * it) of the organization's company holidays. A refused list answers 422 with the problem's code.
 */
export function createCompanyHolidaysRouter(service: CompanyHolidaysService): Router {
  const router = Router();
  router.get(COMPANY_HOLIDAYS_PATH, async (request, response) => {
    response.json(await service.get(organizationOf(request.params)));
  });
  router.put(COMPANY_HOLIDAYS_PATH, async (request, response) => {
    const organization = organizationOf(request.params);
    const { holidays } = parseParameters(companyHolidaysInputSchema, request.body, 'body');
    try {
      response.json(await service.replace(organization, holidays));
    } catch (error) {
      if (error instanceof CompanyHolidayError) {
        const { code, message, parameter } = error.problem;
        throw new HttpError(422, code, message, parameter);
      }
      throw error;
    }
  });
  return router;
}
