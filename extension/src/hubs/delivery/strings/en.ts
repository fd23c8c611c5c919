import type {
  DeliveryStatusCode,
  DeliveryStatusKey,
  DeliveryTile,
  ReferenceBandName,
  ReferenceFigure,
  StatusContext,
} from './keys.ts';
import type { NonWorkingDay } from '../../../../../service/src/contract/calendar/workingCalendar.ts';

type NonWorkingReason = NonWorkingDay['reason'];

const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);
const listed = (values: readonly (string | number)[]): string =>
  values.length === 0 ? 'none' : values.join(', ');
const whose = (c: StatusContext): string =>
  c.team === null ? `project "${c.project}"` : `team "${c.team.name}"`;
const incidentRule = (c: StatusContext): string => {
  const types = c.incidentTypes.join(' or ');
  return c.incidentTag === null
    ? `every ${types} work item`
    : `${types} work items tagged "${c.incidentTag}"`;
};

/** The Delivery hub's English strings; ja.ts implements the same shape. */
export const deliveryEn = {
  title: 'Delivery',
  heading: (scope: string) => `Delivery · ${scope}`,
  wholeProject: 'Whole project',
  scopeLabel: 'Measure',
  range: 'Dates',
  preset: (count: number) => `Last ${count} days`,
  timeZone: (zone: string) => `Days in ${zone}`,
  syncedAt: (when: string) => `Data as of ${when}`,
  notSynced: 'Not synchronised yet',
  loading: 'Loading delivery figures…',
  errorTitle: 'The figures could not be loaded.',
  retry: 'Try again',
  teamNotMapped:
    'This team has no pipelines or repositories mapped to it in the project’s delivery settings.',
  tiles: {
    deploymentFrequency: 'Deployment frequency',
    leadTimeForChanges: 'Lead time for changes',
    changeFailureRate: 'Change failure rate',
    recoveryTime: 'Failed deployment recovery time',
    reworkRate: 'Rework rate',
  } satisfies Record<DeliveryTile, string>,
  chart: { showTable: 'Show as table', showChart: 'Show chart', downloadCsv: 'Download CSV' },
  rangeDays: 'Dates',
  tilesLabel: 'Delivery figures',
  deploymentDaysPerWeek: (value: string) => `${value} deployment days per week (median)`,
  deploymentsPerDay: (value: string, count: number) =>
    `${value} per day · ${count} ${plural(count, 'deployment', 'deployments')}`,
  median: (value: string) => `${value} median`,
  p85: (value: string) => `85th percentile ${value}`,
  changesCount: (count: number) => `${count} ${plural(count, 'change', 'changes')}`,
  parts: { coding: 'Coding', review: 'Review', waiting: 'Waiting for deployment', direct: 'Direct commits' },
  failedOf: (failed: number, total: number) => `${failed} of ${total} deployments led to an incident`,
  deploymentFailureRate: (rate: string) => `Deployment failure rate ${rate}`,
  restored: (count: number) => `${count} ${plural(count, 'incident', 'incidents')} restored`,
  openIncidents: (count: number) => `${count} still open`,
  reworkOf: (count: number, total: number) => `${count} of ${total} deployments were rework`,
  band: {
    elite: 'Elite band',
    high: 'High band',
    medium: 'Medium band',
    low: 'Low band',
  },
  bandNote: 'Reference band, for context only: never a ranking of teams.',
  noBand: 'DORA defines no reference band for this figure.',
  status: {
    noDeploymentRecords: 'No deployment records yet',
    noProductionEnvironment: 'No production environment is marked',
    noDeployments: 'No production deployment in these dates',
    noIncidents: 'No incidents defined or recorded',
    noneRestored: 'No incident restored yet',
    noChanges: 'No change could be linked',
    tooFew: 'Too few deployments to judge',
  } satisfies Record<DeliveryStatusKey, string>,
  /** The service's sentences (the API's English `message`), from the status code and its parameters. */
  statusMessage: {
    noDeploymentRecords: (c: StatusContext) =>
      c.team === null
        ? `No deployment records for project "${c.project}": nothing has been synchronised from YAML ` +
          'environments, classic releases or pipeline stages.'
        : `No deployment records for the pipelines mapped to team "${c.team.name}" (build definitions ` +
          `${listed(c.team.buildDefinitionIds)}; release definitions ${listed(c.team.releaseDefinitionIds)}).`,
    noProductionEnvironment: (c: StatusContext) =>
      `None of the deployments of ${whose(c)} goes to production: no environment or release stage matches ` +
      `/${c.environmentPattern}/i and no pipeline stage matches /${c.stagePattern}/i (targets seen: ` +
      `${listed(c.targetNamesSeen)}). Choose the production environments in the project's delivery settings.`,
    noDeployments: (c: StatusContext) =>
      `No successful production deployment of ${whose(c)} finished between ${c.from} and ${c.to}.`,
    noIncidents: (c: StatusContext) =>
      `No incident (${incidentRule(c)}) is attributed to the successful production deployments of ` +
      `${whose(c)} that finished between ${c.from} and ${c.to}.`,
    noneRestored: (c: StatusContext) =>
      `Incidents ${listed(c.openIncidentIds)} are still open: none was restored between ${c.from} and ${c.to}.`,
    noChanges: (c: StatusContext) =>
      `No change (pull request or commit)${c.team === null ? '' : ` from the repositories mapped to team "${c.team.name}"`} ` +
      `could be linked to the ${c.successfulDeployments} successful production deployments between ${c.from} ` +
      `and ${c.to}.`,
    noTeam: (c: StatusContext) =>
      `Sprints are a team's iterations: ask .../projects/${c.project}/teams/{team}/delivery/trend.`,
    noSprints: (c: StatusContext) =>
      `Team "${c.team?.name ?? ''}" has no dated iteration overlapping the range.`,
  } satisfies Record<DeliveryStatusCode, (context: StatusContext) => string>,
  tooFewNote: (count: number) =>
    `Only ${count} successful ${plural(count, 'deployment', 'deployments')}: a rate over so few says little.`,
  units: {
    minutes: (value: string) => `${value} min`,
    hours: (value: string) => `${value} h`,
    days: (value: string) => `${value} days`,
  },
  trend: {
    title: 'Trend per week',
    subtitle: (figure: string) => `${figure}, Monday-to-Sunday weeks`,
    figure: 'Figure',
    week: 'Week',
    value: 'Value',
    noValue: 'no value',
    perSprint: 'Per sprint',
    sprint: 'Sprint',
    keyboardHint: 'Use the arrow keys to move between weeks.',
  },
  pending: {
    title: 'Recomputing with the new production mark…',
    detail: (since: string) =>
      `The production mark changed at ${since}. Figures that depend on which deployments are production ` +
      'update once the sync has run; until then they are not final.',
  },
  reference: {
    title: 'DORA reference bands',
    source: (source: string) => `Source: ${source}.`,
    measure: 'Measure',
    elite: 'Elite',
    high: 'High',
    medium: 'Medium',
    low: 'Low',
    measures: {
      deploymentFrequency: 'Deployment days per week (median)',
      leadTimeForChanges: 'Lead time for changes (median)',
      changeFailureRate: 'Change failure rate',
      failedDeploymentRecoveryTime: 'Failed deployment recovery time (median)',
    } satisfies Record<ReferenceFigure, string>,
    cells: {
      deploymentFrequency: { elite: '≥ 5 (on demand)', high: '≥ 1', medium: '≥ 1 per month', low: 'less' },
      leadTimeForChanges: { elite: '< 1 day', high: '< 1 week', medium: '< 1 month', low: '≥ 1 month' },
      changeFailureRate: { elite: '≤ 5%', high: '≤ 10%', medium: '≤ 15%', low: '> 15%' },
      failedDeploymentRecoveryTime: {
        elite: '< 1 hour',
        high: '< 1 day',
        medium: '< 1 week',
        low: '≥ 1 week',
      },
    } satisfies Record<ReferenceFigure, Record<ReferenceBandName, string>>,
  },
  calendar: {
    title: 'Deployment calendar',
    subtitle: (zone: string) => `Production deployments per day in ${zone}`,
    nonWorkingNote:
      'Shaded days are not working days: weekends of the team’s week, national holidays, company holidays and the team’s days off.',
    offDays: (count: number) =>
      count === 0
        ? 'No holidays or days off in these dates.'
        : `${count} ${count === 1 ? 'holiday or day off' : 'holidays or days off'} in these dates.`,
    reasons: {
      weekend: 'Weekend',
      nationalHoliday: 'National holiday',
      companyHoliday: 'Company holiday',
      teamDayOff: 'Team day off',
    } satisfies Record<NonWorkingReason, string>,
    /** Shown in a shaded day beside its number, so the kind of day does not rest on colour alone. */
    marks: { weekend: '', nationalHoliday: 'H', companyHoliday: 'C', teamDayOff: 'T' } satisfies Record<
      NonWorkingReason,
      string
    >,
    offLabel: (reason: string, name: string | null) => (name === null ? reason : `${reason}: ${name}`),
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    day: (day: string, succeeded: number, failed: number) =>
      `${day}: ${succeeded} succeeded, ${failed} failed`,
    legendSucceeded: 'Deployed',
    legendFailed: 'Failed deployment',
    legendWeekend: 'Weekend',
    legendHoliday: (mark: string, reason: string) => `${mark} ${reason}`,
    partial: (shown: number, total: number) => `Showing the first ${shown} of ${total} deployments.`,
  },
  drill: {
    title: 'Drill-downs',
    deployments: 'Deployments',
    changes: 'Changes',
    incidents: 'Incidents',
    previous: 'Previous page',
    next: 'Next page',
    page: (from: number, to: number, total: number) => `Rows ${from}–${to} of ${total}`,
    empty: 'Nothing in these dates.',
    downloadCsv: 'Download CSV (every row)',
  },
  columns: {
    finished: 'Finished',
    pipeline: 'Pipeline',
    target: 'Environment or stage',
    outcome: 'Outcome',
    changes: 'Changes',
    incidents: 'Incidents',
    run: 'Run',
    change: 'Change',
    repository: 'Repository',
    deployed: 'Deployed',
    leadTime: 'Lead time',
    coding: 'Coding',
    review: 'Review',
    waiting: 'Waiting',
    workItems: 'Work items',
    incident: 'Incident',
    created: 'Created',
    completed: 'Completed',
    attribution: 'Attributed to',
    recovery: 'Recovery',
  },
  outcome: {
    succeeded: 'Succeeded',
    succeededWithIssues: 'Succeeded with issues',
    failed: 'Failed',
    canceled: 'Canceled',
    notRun: 'Not run',
    inProgress: 'In progress',
    unknown: 'Unknown',
  },
  attribution: {
    artifactLink: 'linked in Azure DevOps',
    explicitLink: 'tagged',
    lastBefore: 'last deployment before',
    noDeploymentBefore: 'Unattributed: no deployment before it',
    linkedDeploymentNotFound: 'Unattributed: the linked deployment was not found',
  },
  settings: {
    title: 'Delivery settings',
    note: 'Project administrators decide what counts as production, what an incident is and which pipelines and repositories are each team’s.',
    environments: 'Production environments (regular expression)',
    stages: 'Production stages (regular expression)',
    preview: {
      title: 'What this rule selects',
      loading: 'Checking the synchronised deployments…',
      failed: (reason: string) => `The preview could not be loaded: ${reason}`,
      invalid: 'Enter valid regular expressions to see what they select.',
      selects: (targets: number, deployments: number, successful: number) =>
        `${targets} ${plural(targets, 'target', 'targets')}, ${deployments} ` +
        `${plural(deployments, 'deployment', 'deployments')} (${successful} successful)`,
      saved: (targets: number, deployments: number) =>
        `Saved rule: ${targets} ${plural(targets, 'target', 'targets')}, ${deployments} ` +
        `${plural(deployments, 'deployment', 'deployments')}`,
      none: 'No synchronised deployment target matches this rule.',
      unchanged: 'The same production mark as the saved settings.',
      added: (names: string) => `Newly selected: ${names}`,
      removed: (names: string) => `No longer selected: ${names}`,
      more: (count: number) => `and ${count} more`,
      recomputes:
        'Saving this recomputes the changes of each production deployment; the figures say so until the sync has run.',
      unmatched: (count: number) => `${count} ${plural(count, 'target does', 'targets do')} not match: `,
      columns: {
        target: 'Target',
        kind: 'Kind',
        deployments: 'Deployments',
        successful: 'Successful',
        latest: 'Latest deployments',
      },
      kind: { environment: 'environment', releaseEnvironment: 'release stage', stage: 'stage' },
      newlySelected: 'new',
      shown: (shown: number, total: number) => `Showing ${shown} of ${total}.`,
    },
    incidentTypes: 'Incident work item types (comma-separated)',
    incidentTag: 'Incident tag (empty: every item of these types)',
    teams: 'Team mapping',
    team: 'Team',
    pipelines: 'Build pipelines (definition ids, comma-separated)',
    releases: 'Classic release pipelines (definition ids, comma-separated)',
    pipelineKind: { build: 'build', release: 'release' },
    repositories: 'Repositories (ids, comma-separated)',
    addTeam: 'Map a team',
    remove: 'Remove',
    save: 'Save settings',
    saved: 'Settings saved.',
    invalid: (field: string) => `Check the form: ${field}`,
    optionsPipelines: (names: string) => `Pipelines: ${names}`,
  },
};

export type DeliveryStrings = typeof deliveryEn;
