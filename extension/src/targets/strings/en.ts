import type { OutcomeTargetSetting } from '../../../../service/src/contract/targets/sprintTargets.ts';

type Kind = OutcomeTargetSetting['kind'];
const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);
const days = (count: number): string => `${count} ${plural(count, 'day', 'days')}`;
const items = (count: number): string => `${count} ${plural(count, 'item', 'items')}`;

/** "1 item was", "3 items were". */
const itemsWere = (count: string | number | undefined): string =>
  `${items(Number(count))} ${plural(Number(count), 'was', 'were')}`;

/** The Sprints tab's English strings; ja.ts implements the same shape. */
export const sprintEn = {
  tabTitle: 'Outcomes',
  heading: (sprint: string) => `Outcome targets · ${sprint}`,
  dates: (from: string, to: string) => `${from} – ${to}`,
  phase: {
    notStarted: 'Not started yet',
    running: (remaining: number) => `${remaining} ${plural(remaining, 'working day', 'working days')} left`,
    ended: 'Sprint ended: final verdicts',
  },
  chooseSprint: 'Sprint',
  loading: 'Loading the sprint’s targets…',
  noSprints:
    'This team has no sprints with dates. Set start and finish dates in the team’s iterations to set targets.',
  goalHeading: 'Sprint goal',
  noGoal: 'No sprint goal written yet.',
  goalItems: (count: number) => `Goal items: ${items(count)}`,
  targetsHeading: 'Targets and their odds',
  noTargets: 'No outcome targets set for this sprint.',
  method: 'How the odds are computed',
  kind: {
    goalItemsDone: 'Goal items done',
    itemsFinished: 'Items finished',
    serviceLevel: 'Items finished within a time',
    noItemOlderThan: 'No item older than',
    wipCeiling: 'Work in progress at most',
    deploymentDaysPerWeek: 'Deployment days per week',
    changeFailureRate: 'Change failure rate at most',
    leadTimeForChanges: 'Lead time for changes (median) at most',
    recoveryTime: 'Recovery time (median) at most',
  } satisfies Record<Kind, string>,
  describe: (target: OutcomeTargetSetting): string => {
    switch (target.kind) {
      case 'goalItemsDone':
        return 'Every goal item done by the end of the sprint';
      case 'itemsFinished':
        return `At least ${items(target.atLeast)} finished`;
      case 'serviceLevel':
        return `${target.percent}% of finished items within ${days(target.withinDays)}`;
      case 'noItemOlderThan':
        return `No item in progress older than ${days(target.days)} at the end`;
      case 'wipCeiling':
        return `Work in progress never above ${target.atMost}`;
      case 'deploymentDaysPerWeek':
        return `Deployments on at least ${days(target.atLeast)} a week`;
      case 'changeFailureRate':
        return `Change failure rate at most ${target.atMostPercent}%`;
      case 'leadTimeForChanges':
        return `Median lead time for changes at most ${target.medianAtMostHours} hours`;
      case 'recoveryTime':
        return `Median recovery time at most ${target.medianAtMostHours} hours`;
    }
  },
  current: (target: OutcomeTargetSetting, value: string): string => {
    switch (target.kind) {
      case 'goalItemsDone':
        return `${value} goal items done`;
      case 'itemsFinished':
        return `${value} finished so far`;
      case 'serviceLevel':
        return `${value}% within ${days(target.withinDays)} so far`;
      case 'noItemOlderThan':
        return `Oldest at the end if nothing moves: ${value} days`;
      case 'wipCeiling':
        return `Highest so far: ${value}`;
      case 'deploymentDaysPerWeek':
        return `Median so far: ${value} days a week`;
      case 'changeFailureRate':
        return `${value}% so far`;
      case 'leadTimeForChanges':
      case 'recoveryTime':
        return `Median so far: ${value} hours`;
    }
  },
  probability: (percent: string) => `${percent} chance`,
  met: 'Met',
  missed: 'Missed',
  metNow: 'Met today',
  notMetYet: 'Not met yet',
  tooFew: 'Too few to judge: fewer than 5 items behind this figure.',
  unavailable: {
    noHistory: 'No finished work in the lookback window to judge the odds from.',
    noDeliveryData: 'No production deployments are known for this team.',
    noGoalItems: 'No goal items are chosen.',
  },
  levers: 'Finishing these would raise the odds most:',
  lever: (id: number, percent: string) => `#${id} (${percent} chance in time)`,
  historyLabel: (kind: string) => `Daily odds of “${kind}” during the sprint`,
  edit: 'Edit targets',
  editHeading: 'Set this sprint’s outcome targets',
  onlyAdministrators: 'Team administrators set the targets; members see them here.',
  goalText: 'Sprint goal (in the team’s words)',
  goalItemIds: 'Goal work item IDs (comma-separated)',
  addTarget: 'Add a target',
  removeTarget: 'Remove',
  targetKind: 'Target',
  parameters: {
    atLeast: 'At least',
    percent: 'Percent',
    withinDays: 'Within days',
    days: 'Days',
    atMost: 'At most',
    atMostPercent: 'At most %',
    medianAtMostHours: 'Median at most (hours)',
  },
  save: 'Save targets',
  cancel: 'Cancel',
  saving: 'Saving…',
  saved: 'Targets saved.',
  refusedNote:
    'Seika does not offer targets per person, hours, attendance, activity counts or story points: they measure people, not outcomes.',
  errors: {
    target_refused: 'Seika does not store this target: it measures people or activity, not outcomes.',
    invalid_parameter: (detail: string) => `Check the form: ${detail}`,
    forbidden: 'Only the team’s administrators (or project administrators) can change targets.',
    not_found: 'This sprint is no longer one of the team’s iterations.',
    generic: 'Seika could not complete this. Try again in a moment.',
  },
  warnings: {
    serviceLevelLongerThanSprint:
      'This time is longer than the sprint: items started in it cannot show whether they meet it.',
  },
  review: {
    heading: 'Sprint review',
    pending: 'The review opens when the sprint ends; the verdicts are final the day after its last day.',
    verdict: { met: 'Met', missed: 'Missed', notJudged: 'Not judged', pending: 'Pending' },
    firstDayOdds: (percent: string) => `Odds on day one: ${percent}`,
    reason: 'Why it was missed',
    saveReasons: 'Save reasons',
    reasonsSaved: 'Reasons saved.',
    keep: 'Keep',
    problem: 'Problem',
    try: 'Try',
    fromData: 'From the data',
    teamNotes: 'The team’s notes (one per line)',
    saveNotes: 'Save the review',
    exportMarkdown: 'Export as Markdown',
    entry: (
      key: string,
      parameters: Readonly<Record<string, string | number>>,
      kindName: (kind: string) => string,
    ): string => {
      switch (key) {
        case 'targetMet':
          return `Target met: ${kindName(String(parameters['target']))} (${parameters['current']})`;
        case 'targetMissed':
          return `Target missed: ${kindName(String(parameters['target']))} (${parameters['current']})`;
        case 'scopeAdded':
          return `${itemsWere(parameters['items'])} added after the sprint started (of ${parameters['total']})`;
        case 'carriedOverTwice':
          return `${itemsWere(parameters['items'])} carried over twice`;
        case 'itemsRemoved':
          return `${itemsWere(parameters['items'])} taken out of the sprint`;
        case 'tryFinishOldest':
          return 'Swarm on the oldest items at the daily meeting';
        case 'tryLimitAdded':
          return 'Agree how work that arrives mid-sprint is taken in';
        case 'trySplitCarriedOver':
          return 'Split or drop items that carried over twice';
        default:
          return key;
      }
    },
  },
  scope: {
    heading: 'Sprint scope',
    baselineNote: 'Counted against the items in the sprint when it started; removed items stay in the total.',
    teamFlowNote:
      'The sprint’s iteration history is still being synchronised: the targets count the team’s items active in the sprint’s dates.',
    origin: {
      planned: 'Planned',
      added: 'Added after the start',
      carriedOver: 'Carried over',
      carriedOverTwice: 'Carried over twice',
    },
    removed: 'Taken out',
    total: 'In scope (all)',
    tooFewToJudge: 'Too few items to judge (fewer than 5).',
    removedHeading: 'Taken out of the sprint',
    removedOn: (day: string) => `taken out on ${day}`,
    noneRemoved: 'No item was taken out of the sprint.',
  },
  suggestions: {
    heading: 'Suggested from the team’s last sprints',
    suggested: (value: string) => `Suggested: ${value}`,
    metIn: (metIn: number, of: number) =>
      `met in ${metIn} of the last ${of} ${plural(of, 'sprint', 'sprints')}`,
    tooFewToJudge: 'too few items to judge',
    use: 'Use',
    useLabel: (kind: string) => `Use the suggested value for “${kind}”`,
    // Starts with the button's visible word, so its accessible name contains it (WCAG 2.5.3).
    addSuggested: (kind: string) => `Use the suggested value to add “${kind}”`,
    none: 'No suggestions yet: the team has no ended sprint.',
  },
  history: {
    heading: 'Past sprints',
    none: 'No sprint has targets with a verdict yet.',
    calibration: (met: number, of: number, from: number) =>
      `Of the ${of} targets Seika gave ${from}–${from + 10}% on day one, ${met} were met.`,
    downloadCsv: 'Download CSV',
    columns: { sprint: 'Sprint', target: 'Target', verdict: 'Verdict', odds: 'Odds on day one' },
  },
};

export type SprintStrings = typeof sprintEn;
