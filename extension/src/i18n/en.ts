/** English UI strings. The shape of this object is the contract every other language implements. */
export const en = {
  flowTitle: 'Flow',
  dateRangeLabel: 'Completed in',
  lastDays: (days: number) => `Last ${days} days`,
  loading: 'Loading cycle times…',
  itemCount: (count: number, formatted: string) =>
    count === 1 ? '1 item completed' : `${formatted} items completed`,
  withoutStart: (count: number) =>
    count === 1
      ? '1 completed item never entered an in-progress state and is not plotted.'
      : `${count} completed items never entered an in-progress state and are not plotted.`,
  percentileSentence: (percentile: number, days: number) =>
    `${percentile}% of items finished within ${days} ${days === 1 ? 'day' : 'days'}`,
  percentileLineLabel: (percentile: number, days: number) => `${percentile}% · ${days}d`,
  syncedAt: (when: string) => `Data as of ${when}`,
  neverSynced: 'Not synchronised yet',
  zeroDataTitle: 'No completed work in this period',
  zeroDataBody: 'Items appear here once the team finishes them. Try a longer date range.',
  errorTitle: 'Seika could not load cycle times',
  chartLabel: 'Cycle time scatterplot: completion date against cycle time in days',
  axisCompleted: 'Completed',
  axisCycleTime: 'Cycle time (days)',
  tooltipCycleTime: (days: number) => `Cycle time: ${days} ${days === 1 ? 'day' : 'days'}`,
  tooltipCompleted: (day: string) => `Completed: ${day}`,
  tooltipOpen: 'Open work item',
  tooltipPinnedHint: 'Click elsewhere on the chart to unpin',
  tooltipHoverHint: 'Click the point to pin this card',
  /** Organization settings › Seika: connecting organizations and following their synchronisation. */
  admin: {
    title: 'Seika',
    description:
      'Connect Azure DevOps organizations to the Seika service and follow their synchronisation. ' +
      'These settings apply to every team.',
    connectTitle: 'Connect an organization',
    organizationUrlLabel: 'Organization URL',
    organizationUrlPlaceholder: 'https://dev.azure.com/your-organization',
    patLabel: 'Personal access token',
    patHelp:
      'Needs Work Items (Read) and Project and Team (Read). Seika stores it encrypted and never shows it again.',
    timeZoneLabel: 'Time zone',
    timeZoneHelp: 'IANA name such as Asia/Tokyo: team days start at midnight in this zone.',
    subscribeLabel: 'Subscribe to service hooks (changes arrive within seconds)',
    subscribeHelp: 'Creating the subscriptions needs a Project Collection Administrator’s token.',
    connectButton: 'Connect',
    connecting: 'Connecting…',
    connectFailedTitle: 'Seika could not connect the organization',
    connectedTitle: (organization: string) => `Connected ${organization}`,
    hooksMessage: (message: string) => `Service hooks: ${message}`,
    firstSyncSoon: 'The first synchronisation starts shortly; its progress appears below.',
    organizationsTitle: 'Connected organizations',
    organizationsLoading: 'Loading organizations…',
    organizationsErrorTitle: 'Seika could not list the connected organizations',
    noOrganizationsTitle: 'No organization connected yet',
    noOrganizationsBody: 'Connect one below; Seika then synchronises its work items in the background.',
    timeZone: (zone: string) => `Time zone: ${zone}`,
    connectedAt: (when: string) => `Connected ${when}`,
    nextRun: (when: string) => `Next run: ${when}`,
    lastFinished: (when: string) => `Last run finished: ${when}`,
    neverFinished: 'No run has finished yet',
    syncRunning: 'Synchronising now',
    syncStatusLoading: 'Loading sync status…',
    syncStatusErrorTitle: 'Seika could not read the sync status',
    jobErrorTitle: 'The last run failed',
    streamErrorTitle: (stream: string) => `${stream} failed`,
    noStreamsYet: 'Waiting for the first run to start.',
    streamsLabel: (organization: string) => `Synchronisation of ${organization}`,
    columnStream: 'Stream',
    columnPhase: 'Phase',
    columnProgress: 'Progress',
    columnVolume: 'Pages / items',
    columnTimeLeft: 'Time left',
    columnRateLimit: 'Rate limit',
    phases: {
      queued: 'Queued',
      collecting: 'Collecting',
      done: 'Done',
      failed: 'Failed',
      needs_scope: 'Needs a scope',
    },
    /** A stream's state as sync status reports it (issue 12): most pressing first. */
    syncStates: {
      needs_credentials: 'Token refused',
      needs_scope: 'Needs a scope',
      failed: 'Failed',
      paced: 'Paced by the rate limit',
      first_sync: 'First sync',
      stale: 'Out of date',
      syncing: 'Syncing',
      fresh: 'Up to date',
      queued: 'Queued',
    },
    pacedUntil: (time: string) => `Paced by the rate limit until ${time}`,
    /** Service problems by code (syncStatus.ts); parameters as the service sends them. */
    problems: {
      needsScopeFlow: (scope: string) =>
        `Flow metrics need ${scope}: add it to the personal access token and reconnect.`,
      needsScopeDelivery: (scope: string) =>
        `Delivery metrics need ${scope}: add it to the personal access token and reconnect.`,
      credentialsRefused:
        'Azure DevOps refused the personal access token (expired, revoked or mistyped): create a new one and reconnect.',
      streamFailed: (reason: string) => `Syncing failed: ${reason}`,
    },
    streamNames: {
      'work.metadata': 'Teams and settings',
      'wit.reporting.revisions': 'Work item history',
      'wit.reporting.links': 'Work item links',
      'wit.incidentLinks': 'Incidents’ deployment links',
    } as Readonly<Record<string, string>>,
    progressEstimating: 'Estimating…',
    progressLabel: (stream: string) => `${stream}: progress`,
    firstSyncTitle: 'First sync of the organization',
    firstSyncProgressLabel: 'First sync of the organization: progress',
    firstSyncEta: (duration: string, time: string) => `${duration} left, done around ${time}`,
    firstSyncUnknown: (streams: number) =>
      streams === 1
        ? 'Time left not known yet: 1 stream cannot be estimated yet'
        : `Time left not known yet: ${streams} streams cannot be estimated yet`,
    firstSyncStreamsLeft: (streams: number) =>
      streams === 1 ? '1 stream to go' : `${streams} streams to go`,
    volume: (pages: number, items: number, format: (value: number) => string) =>
      `${format(pages)} ${pages === 1 ? 'page' : 'pages'} · ${format(items)} ${items === 1 ? 'item' : 'items'}`,
    lessThanMinute: 'less than a minute',
    aboutMinutes: (minutes: number) => `about ${minutes} min`,
    aboutHours: (hours: number, minutes: number) =>
      minutes === 0 ? `about ${hours} h` : `about ${hours} h ${minutes} min`,
    notApplicable: '—',
    rateLimitBudget: (remaining: string, limit: string | null) =>
      limit === null ? `${remaining} remaining` : `${remaining} / ${limit} remaining`,
    rateLimitUnlimited: 'Not limited',
    rateLimitPaused: (time: string) => `Paused until ${time}`,
    throttled: (count: number) => (count === 1 ? '1 throttled response' : `${count} throttled responses`),
    paced: (duration: string) => `Waited ${duration} to stay within the limit`,
    disconnectButton: 'Disconnect',
    disconnectTitle: (organization: string) => `Disconnect ${organization}?`,
    disconnectBody:
      'Seika stops synchronising this organization, removes the service-hook subscriptions it created and ' +
      'forgets its personal access token. Data already collected stays; reconnecting needs a new token.',
    disconnectConfirm: 'Disconnect',
    disconnecting: 'Disconnecting…',
    cancel: 'Cancel',
    disconnectFailedTitle: 'Seika could not disconnect the organization',
  },
};

export type Strings = typeof en;
