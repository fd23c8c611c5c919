/** What a delivery session's answers are made of besides the figures: the common header and the trend. */
import type {
  DeliveryQuery,
  DeliveryResponseMeta,
  DeliveryScopeAnswer,
  DeliveryTrendResponse,
} from '../../contract/index.ts';
import type { DeliveryReport } from '../../metrics/delivery/index.ts';
import { periodFiguresAnswer, type FigureContext } from './figures.ts';
import { gapMessage } from './messages.ts';
import type { DeliveryScope } from './scope.ts';

/** Whose view a session answers (the figure context names the project, scope and mark), and what is pending. */
export interface MetaContext {
  organization: string;
  figures: FigureContext;
  pending: DeliveryResponseMeta['pending'];
}

function scopeAnswerOf(scope: DeliveryScope): DeliveryScopeAnswer {
  return scope.kind === 'project'
    ? { kind: 'project' }
    : {
        kind: 'team',
        buildDefinitionIds: [...scope.mapping.buildDefinitionIds],
        releaseDefinitionIds: [...scope.mapping.releaseDefinitionIds],
        repositories: [...scope.mapping.repositories],
      };
}

/** What every answer starts with: whose data, which days, whether there is anything to measure. */
export function responseMeta(
  context: MetaContext,
  query: DeliveryQuery,
  timeZone: string,
  report: DeliveryReport,
  syncedAt: string | null,
): DeliveryResponseMeta {
  const { figures } = context;
  const { scope } = figures;
  const gap = report.window.deploymentFrequency;
  return {
    organization: context.organization,
    project: figures.project,
    team: scope.kind === 'team' ? scope.team : null,
    from: query.from,
    to: query.to,
    timeZone,
    scope: scopeAnswerOf(scope),
    production: figures.production,
    deploymentData:
      gap.status === 'noDeploymentRecords'
        ? { status: gap.status, message: gapMessage(gap, figures) }
        : gap.status === 'noProductionEnvironment'
          ? {
              status: gap.status,
              targetNamesSeen: [...gap.targetNamesSeen],
              message: gapMessage(gap, figures),
            }
          : { status: 'ok' },
    syncedAt,
    pending: context.pending,
  };
}

type TrendSection = Pick<DeliveryTrendResponse, 'weekly' | 'sprints'>;

/** The trend's weeks, and its sprints: a team's dated iterations, or why there are none. */
export function trendSection(report: DeliveryReport, figures: FigureContext): TrendSection {
  const { scope, project } = figures;
  return {
    weekly: report.weekly.map((week) => periodFiguresAnswer(week, figures)),
    sprints:
      scope.kind === 'project'
        ? {
            status: 'noTeam' as const,
            message: `Sprints are a team's iterations: ask .../projects/${project}/teams/{team}/delivery/trend.`,
          }
        : report.sprints.length === 0
          ? {
              status: 'noSprints' as const,
              message: `Team "${scope.team}" has no dated iteration overlapping the range.`,
            }
          : {
              status: 'ok' as const,
              items: report.sprints.map((sprint) => ({
                sprintId: sprint.sprintId,
                name: sprint.name,
                figures: periodFiguresAnswer(sprint.figures, figures),
              })),
            },
  };
}
