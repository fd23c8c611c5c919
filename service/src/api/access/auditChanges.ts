import type { RequestHandler } from 'express';
import type { AuditAction } from '../../contract/access/audit.ts';
import type { Logger } from '../../logger.ts';
import type { AuditLog } from '../../storage/sql/audit/auditStore.ts';
import { verifiedOf } from './authorize.ts';

const TEAM_SETTINGS = /^\/organizations\/[^/]+\/projects\/([^/]+)\/teams\/([^/]+)\/flow\/settings\/?$/i;
const SPRINT_TARGETS =
  /^\/organizations\/[^/]+\/projects\/([^/]+)\/teams\/([^/]+)\/sprints\/([^/]+)\/targets\/?$/i;
const DELIVERY_SETTINGS = /^\/organizations\/[^/]+\/projects\/([^/]+)\/delivery\/settings\/?$/i;
const COMPANY_HOLIDAYS = /^\/organizations\/([^/]+)\/company-holidays\/?$/i;

function change(method: string, path: string): { action: AuditAction; target: string } | undefined {
  const write = method === 'PUT' ? 'changed' : method === 'DELETE' ? 'reset' : undefined;
  if (write === undefined) return undefined;
  const team = TEAM_SETTINGS.exec(path);
  if (team !== null)
    return {
      action: `team.flowSettings.${write}`,
      target: `project/${decodeURIComponent(team[1] ?? '')}/team/${decodeURIComponent(team[2] ?? '')}`,
    };
  const sprint = SPRINT_TARGETS.exec(path);
  if (sprint !== null)
    return {
      action: `team.sprintTargets.${write}`,
      target: `project/${decodeURIComponent(sprint[1] ?? '')}/team/${decodeURIComponent(sprint[2] ?? '')}/sprint/${decodeURIComponent(sprint[3] ?? '')}`,
    };
  const holidays = method === 'PUT' ? COMPANY_HOLIDAYS.exec(path) : null;
  if (holidays !== null)
    return {
      action: 'organization.companyHolidays.changed',
      target: `organization/${decodeURIComponent(holidays[1] ?? '')}`,
    };
  const project = DELIVERY_SETTINGS.exec(path);
  if (project !== null)
    return {
      action: `project.deliverySettings.${write}`,
      target: `project/${decodeURIComponent(project[1] ?? '')}`,
    };
  return undefined;
}

/**
 * Records every successful settings change with the administrator who made it. "before" is what the
 * previous entry for the same target recorded as "after" (null: the defaults, or unchanged since
 * Seika started auditing); "after" is the settings as the route answered them.
 */
export function auditSettingsChanges(audit: AuditLog, logger: Logger): RequestHandler {
  return (request, response, next) => {
    const described = change(request.method.toUpperCase(), request.path);
    if (described === undefined) {
      next();
      return;
    }
    const verified = verifiedOf(response);
    if (verified.kind !== 'caller') {
      next();
      return;
    }
    const { caller } = verified;
    let answered: unknown = null;
    const json = response.json.bind(response);
    response.json = (body: unknown) => {
      answered = body;
      return json(body);
    };
    response.on('finish', () => {
      if (response.statusCode >= 300) return;
      void (async () => {
        const organization = caller.organization.name;
        const previous = (await audit.list(organization, 200)).find(
          (entry) => entry.target === described.target,
        );
        await audit.record({
          organization,
          at: Date.now(),
          actor: { id: caller.userId, displayName: caller.displayName },
          action: described.action,
          target: described.target,
          before: previous?.after ?? null,
          after: request.method.toUpperCase() === 'DELETE' ? null : answered,
        });
      })().catch((error: unknown) =>
        logger.error('audit entry not written', { action: described.action, error: String(error) }),
      );
    });
    next();
  };
}
