import { Router } from 'express';
import {
  usageEventSchema,
  usageQuerySchema,
  USAGE_EVENT_KINDS,
  type UsageReport,
} from '../../contract/usage/usage.ts';
import type { AdoptionResponse } from '../../contract/usage/adoption.ts';
import type { AdoptionService } from '../../services/usage/adoption.ts';
import type { UsageService } from '../../services/usage/service.ts';
import { sendCsv, toCsv, type CsvColumn } from '../csv.ts';
import { HttpError } from '../httpErrors.ts';
import { asHttp, parseParameters, responseFormat, textField } from '../params.ts';

export const USAGE_EVENTS_PATH = '/organizations/:organization/usage/events';
export const USAGE_REPORT_PATH = '/organizations/:organization/usage';
export const ADOPTION_PATH = '/organizations/:organization/adoption';

type AdoptionCsvRow = AdoptionResponse['teams'][number]['checks'][number] & { project: string; team: string };

const ADOPTION_CSV: readonly CsvColumn<AdoptionCsvRow>[] = [
  { header: 'project', value: (row) => row.project },
  { header: 'team', value: (row) => row.team },
  { header: 'check', value: (row) => row.id },
  { header: 'status', value: (row) => row.status },
  { header: 'figure', value: (row) => row.figure },
  { header: 'fix', value: (row) => (row.status === 'gap' ? row.fix : '') },
];

interface UsageCsvRow {
  weekStart: string;
  project: string;
  team: string;
  measure: string;
  count: number | null;
  fewerThanFive: boolean;
}

const USAGE_CSV: readonly CsvColumn<UsageCsvRow>[] = [
  { header: 'week', value: (row) => row.weekStart },
  { header: 'project', value: (row) => row.project },
  { header: 'team', value: (row) => row.team },
  { header: 'measure', value: (row) => row.measure },
  { header: 'count', value: (row) => (row.fewerThanFive ? 'fewer than 5' : row.count) },
];

function csvRows(report: UsageReport): UsageCsvRow[] {
  return report.weeks.flatMap((week) =>
    week.teams.flatMap((team) => [
      ...USAGE_EVENT_KINDS.map((kind) => ({
        weekStart: week.weekStart,
        project: team.project,
        team: team.team,
        measure: kind,
        ...team.counts[kind],
      })),
      {
        weekStart: week.weekStart,
        project: team.project,
        team: team.team,
        measure: 'peakDailyViewers',
        ...team.peakDailyViewers,
      },
    ]),
  );
}

function organizationOf(params: unknown): string {
  const organization = textField(params, 'organization');
  if (organization === undefined || organization === '') {
    throw new HttpError(400, 'invalid_parameter', 'Path segment "organization" is required.', 'organization');
  }
  return organization;
}

/**
 * POST an event from a hub (any member); GET the weekly per-team report and each team's adoption checks
 * (organization administrators, as the authorization table's default says; both also as CSV).
 */
export function createUsageRouter(service: UsageService, adoption?: AdoptionService): Router {
  const router = Router();
  if (adoption !== undefined) {
    router.get(ADOPTION_PATH, async (request, response) => {
      const report = await asHttp(() => adoption.report(organizationOf(request.params)));
      if (responseFormat(request, textField(request.query, 'format'), true) === 'csv') {
        sendCsv(response, {
          filename: `seika-adoption-${report.organization}.csv`,
          body: toCsv(
            ADOPTION_CSV,
            report.teams.flatMap((team) =>
              team.checks.map((check) => ({ ...check, project: team.project, team: team.team })),
            ),
          ),
        });
        return;
      }
      response.json(report);
    });
  }
  router.post(USAGE_EVENTS_PATH, async (request, response) => {
    const organization = organizationOf(request.params);
    const event = parseParameters(usageEventSchema, request.body, 'body');
    const viewer = typeof response.locals['userId'] === 'string' ? response.locals['userId'] : '';
    if (viewer === '')
      throw new HttpError(401, 'missing_user', 'The app token names no user; reload the page.');
    await service.record(organization, event, viewer);
    response.status(204).end();
  });
  router.get(USAGE_REPORT_PATH, async (request, response) => {
    const organization = organizationOf(request.params);
    const { format, ...query } = typeof request.query === 'object' ? request.query : {};
    const { weeks } = parseParameters(usageQuerySchema, query, 'query');
    const report = await service.report(organization, weeks);
    if (responseFormat(request, format, true) === 'csv') {
      sendCsv(response, {
        filename: `seika-usage-${report.organization}.csv`,
        body: toCsv(USAGE_CSV, csvRows(report)),
      });
      return;
    }
    response.json(report);
  });
  return router;
}
