import { describe, expect, it } from 'vitest';
import type {
  SprintOutlookResponse,
  SprintTargetsResponse,
  TeamSprintsResponse,
} from '../../../../../service/src/contract/targets/sprintTargets.ts';
import { SeikaApiError, type SeikaClient } from '../../../../../extension/src/api/seikaClient.ts';
import {
  loadWidgetView,
  outcomesTabUrl,
  targetsThatFit,
} from '../../../../../extension/src/hubs/sprint-widget/widgetView.ts';

const team = { organization: 'contoso', project: 'Fabrikam Web', team: 'Web Team' };
const sprint = (id: string, current: boolean) => ({
  id,
  name: `Sprint ${id}`,
  startDay: '2026-12-01',
  finishDay: '2026-12-14',
  current,
  hasTargets: false,
});
const sprints = (list: TeamSprintsResponse['sprints']): TeamSprintsResponse => ({
  ...team,
  timeZone: 'Asia/Tokyo',
  sprints: list,
});
const outlook = (targets: SprintOutlookResponse['targets']): SprintOutlookResponse => ({
  ...team,
  iterationId: 'b',
  sprint: { name: 'Sprint b', startDay: '2026-12-01', finishDay: '2026-12-14' },
  timeZone: 'Asia/Tokyo',
  evaluatedOn: '2026-12-07',
  phase: 'running',
  remainingWorkingDays: 6,
  nonWorkingDays: [],
  scopeSource: 'teamFlow',
  scope: null,
  method: 'Monte Carlo',
  targets,
  history: [],
});
const targets = (goal: string): SprintTargetsResponse => ({
  ...team,
  iterationId: 'b',
  sprint: { name: 'Sprint b', startDay: '2026-12-01', finishDay: '2026-12-14' },
  targets: { goal: { text: goal, itemIds: [], tag: null }, targets: [], membersMayAddMissReasons: true },
  updatedAt: null,
  warnings: [],
});
const oneTarget: SprintOutlookResponse['targets'][number] = {
  targetIndex: 0,
  target: { kind: 'itemsFinished', atLeast: 4 },
  current: 2,
  metNow: false,
  probability: 0.7,
  itemCount: 2,
  historySize: 20,
  tooFewToJudge: true,
  levers: [],
  unavailable: null,
};

type WidgetClient = Pick<SeikaClient, 'getTeamSprints' | 'getSprintOutlook' | 'getSprintTargets'>;

/** A client whose answers (or failures) are given; records which sprint it was asked about. */
function client(answers: {
  sprints: TeamSprintsResponse | Error;
  outlook?: SprintOutlookResponse;
  targets?: SprintTargetsResponse;
}): WidgetClient & { asked: string[] } {
  const asked: string[] = [];
  const answer = <T>(value: T | Error | undefined): Promise<T> =>
    value instanceof Error || value === undefined
      ? Promise.reject(value ?? new Error('not asked for'))
      : Promise.resolve(value);
  return {
    asked,
    getTeamSprints: () => answer(answers.sprints),
    getSprintOutlook: (path) => {
      asked.push(path.iterationId);
      return answer(answers.outlook);
    },
    getSprintTargets: () => answer(answers.targets),
  };
}

const signal = new AbortController().signal;

describe('extension/hubs/sprint-widget/widgetView', () => {
  it('says there is no current sprint when none holds today, and asks nothing more', async () => {
    const fake = client({ sprints: sprints([sprint('a', false)]) });
    expect(await loadWidgetView(fake, team, signal)).toEqual({ kind: 'noCurrentSprint' });
    expect(fake.asked).toEqual([]);
  });

  it('asks about the current sprint, not the last one, and says when it has no targets', async () => {
    const fake = client({
      sprints: sprints([sprint('a', false), sprint('b', true), sprint('c', false)]),
      outlook: outlook([]),
      targets: targets('Checkout on mobile'),
    });
    expect(await loadWidgetView(fake, team, signal)).toEqual({
      kind: 'noTargets',
      sprint: sprint('b', true),
      goal: 'Checkout on mobile',
    });
    expect(fake.asked).toEqual(['b']);
  });

  it('shows the outlook with the goal when targets are set', async () => {
    const answer = outlook([oneTarget]);
    const view = await loadWidgetView(
      client({ sprints: sprints([sprint('b', true)]), outlook: answer, targets: targets('') }),
      team,
      signal,
    );
    expect(view).toEqual({ kind: 'outcomes', sprint: sprint('b', true), goal: '', outlook: answer });
  });

  it.each<[Error, unknown]>([
    [
      new SeikaApiError(
        'Organization "contoso" is not connected to Seika.',
        404,
        'organization_not_connected',
      ),
      'notConnected',
    ],
    [
      new SeikaApiError('You are not a member of organization "contoso".', 403, 'not_organization_member'),
      'failed',
    ],
    [new TypeError('Failed to fetch'), 'failed'],
  ])('turns %s into its state, keeping a failure to be worded where it is shown', async (error, kind) => {
    const expected = kind === 'failed' ? { kind, error } : { kind };
    expect(await loadWidgetView(client({ sprints: error }), team, signal)).toEqual(expected);
  });

  it.each([
    [2, 3],
    [4, 6],
  ])('fits %i columns with %i targets', (columns, fit) => {
    expect(targetsThatFit(columns)).toBe(fit);
  });

  it('links to the Outcomes tab of the team, every path segment encoded', () => {
    expect(outcomesTabUrl('contoso', team, 'seika.seika.sprint-outcomes-tab')).toBe(
      'https://dev.azure.com/contoso/Fabrikam%20Web/_sprints/seika.seika.sprint-outcomes-tab/Web%20Team',
    );
  });
});
