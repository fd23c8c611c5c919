/**
 * A team's improvement insights: each week's findings from the flow, sprint and delivery figures Seika
 * already computes (at most three, ranked), what the team did with them, and 13-week previews of a rule.
 * Addressed to the team: findings name work items, never people.
 */
import type { TeamPath } from '../../contract/index.ts';
import type {
  InsightAction,
  InsightExperimentsResponse,
  InsightPreviewResponse,
  InsightsResponse,
  InsightSettings,
} from '../../contract/insights/insights.ts';
import { INSIGHT_RULE_IDS } from '../../contract/insights/insights.ts';
import { addDays, dayOf, daysBetween } from '../../metrics/calendar.ts';
import { computeFlowMetrics, prepareTeamFlow } from '../../metrics/flow/flowMetrics.ts';
import {
  INSIGHT_RULES,
  insightInputFromMetrics,
  weeklyInsights,
  wouldHaveFired,
  type InsightInput,
  type InsightRuleId,
  type TargetProbabilityChange,
  type WeeklyDelivery,
} from '../../metrics/insights/index.ts';
import { weekStartOf, weekStartProblem } from '../../metrics/insights/weeks.ts';
import type { InsightStore } from '../../storage/insights.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SprintTargetsStore } from '../../storage/targets.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import type { DeliveryService } from '../delivery/service.ts';
import { NotFoundError } from '../errors.ts';
import type { DatedSprint } from '../flow/board.ts';
import { loadTeamFlowData, type TeamFlowData } from '../flow/teamData.ts';
import type { ConnectedOrganization, OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings, flowConfigOf } from '../teamSettings/codec.ts';
import type { Logger } from '../../logger.ts';
import type { SecretBox } from '../../security/secretBox.ts';
import { sendWeeklyDigests, type DigestRoundResult } from './digest.ts';
import { DigestUrlError, digestUrlProblem, maskDigestUrl } from './digestUrl.ts';
import { InsightWeekError } from './errors.ts';
import { BASELINE_WEEKS, judgeExperiments } from './experiments.ts';
import { weeklyDeliveryOf } from './weeklyDelivery.ts';
import { loadSprintScope } from '../targets/sprintScope.ts';

export interface InsightsService {
  weekly(team: TeamPath): Promise<InsightsResponse>;
  act(team: TeamPath, action: InsightAction): Promise<InsightsResponse>;
  saveSettings(team: TeamPath, settings: InsightSettings): Promise<InsightsResponse>;
  preview(team: TeamPath, ruleId: InsightRuleId): Promise<InsightPreviewResponse>;
  /** The team's experiments, each judged on its rule's weekly measure with control-chart signals. */
  experiments(team: TeamPath): Promise<InsightExperimentsResponse>;
  /** Posts this week's digest to every team that set one up and has not had it yet (the daily round). */
  sendWeeklyDigests(logger: Logger): Promise<DigestRoundResult>;
}

/** The rules read the 70th and 85th percentiles whatever lines the team chose to draw. */
const RULE_PERCENTILES = [50, 70, 85, 95];
const PREVIEW_WEEKS = 13;

const mondayOf = weekStartOf;

interface TeamContext {
  organization: ConnectedOrganization;
  key: { organization: string; project: string; team: string };
  timeZone: string;
  waitingStates: readonly string[];
  config: ReturnType<typeof flowConfigOf>;
  data: TeamFlowData;
}

export function createInsightsService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  teamSettings: TeamSettingsStore;
  targets: SprintTargetsStore;
  store: InsightStore;
  delivery?: DeliveryService;
  /** Seals digest webhook URLs at rest; without it digests cannot be set up. */
  secrets?: SecretBox;
  /** Origins a digest may be posted to besides Slack's and Teams' (a test's loopback receiver). */
  digestAllowedOrigins?: readonly string[];
  now?: () => number;
}): InsightsService {
  const { repository, organizations, teamSettings, targets, store } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function team(path: TeamPath): Promise<TeamContext> {
    const organization = await organizations.find(path.organization);
    if (organization === undefined) {
      throw new NotFoundError(`Organization "${path.organization}" is not connected to this Seika service.`);
    }
    const key = { organization: organization.name, project: path.project, team: path.team };
    const settings = decodeTeamSettings(await teamSettings.get(key.organization, key.project, key.team));
    const timeZone = settings.timeZone ?? organization.timeZone;
    const config = flowConfigOf(settings, timeZone, RULE_PERCENTILES);
    const data = await loadTeamFlowData(repository, key, config.workItemTypes);
    return { organization, key, timeZone, waitingStates: settings.waitingStates, config, data };
  }

  async function deliveryWeeks(
    context: TeamContext,
    lastDay: string,
  ): Promise<readonly WeeklyDelivery[] | undefined> {
    if (dependencies.delivery === undefined) return undefined;
    try {
      const session = await dependencies.delivery.open(context.key);
      const trend = await session.trend({
        from: addDays(mondayOf(lastDay), -49),
        to: lastDay,
        timeZone: context.timeZone,
      });
      const weeks = trend.weekly.map(weeklyDeliveryOf);
      return weeks.some((week) => week.deployments > 0) ? weeks : undefined;
    } catch {
      // A team with no pipelines mapped (or no delivery data) simply has no delivery findings.
      return undefined;
    }
  }

  async function targetChanges(context: TeamContext, lastDay: string): Promise<TargetProbabilityChange[]> {
    const sprint = context.data.sprints.find(
      (candidate) => candidate.startDay <= lastDay && lastDay <= candidate.finishDay,
    );
    if (sprint === undefined) return [];
    const snapshots = (
      await targets.teamSnapshots(context.key.organization, context.key.project, context.key.team)
    ).filter((snapshot) => snapshot.iterationId === sprint.id.toLowerCase());
    const weekAgo = addDays(lastDay, -7);
    const at = (day: string) => snapshots.filter((snapshot) => snapshot.day === day);
    const before = at(weekAgo < sprint.startDay ? sprint.startDay : weekAgo);
    return at(lastDay).flatMap((snapshot) => {
      const earlier = before.find((candidate) => candidate.targetIndex === snapshot.targetIndex);
      return snapshot.probability === null || earlier?.probability == null
        ? []
        : [
            {
              targetIndex: snapshot.targetIndex,
              kind: snapshot.kind,
              weekAgo: earlier.probability,
              now: snapshot.probability,
            },
          ];
    });
  }

  // The team's items prepared once per request: experiments ask for many weeks of the same team.
  const preparedFlows = new WeakMap<TeamContext, ReturnType<typeof prepareTeamFlow>>();
  function preparedFlowOf(context: TeamContext, sprint: DatedSprint) {
    const known = preparedFlows.get(context);
    if (known !== undefined) return known;
    const flow = prepareTeamFlow(
      {
        items: context.data.items,
        workflow: context.data.workflow,
        scope: context.data.scope,
        fromDay: sprint.startDay,
        toDay: sprint.finishDay,
      },
      context.config,
    );
    preparedFlows.set(context, flow);
    return flow;
  }

  /** The sprint's scope with data through `lastDay` (CARRY-1, SCOPE-1); zeros while membership is unknown. */
  async function sprintScopeFigures(context: TeamContext, sprint: DatedSprint, lastDay: string) {
    const scope = await loadSprintScope({
      repository,
      organization: context.key.organization,
      projectUrl: `${context.organization.url.replace(/\/+$/, '')}/${encodeURIComponent(context.key.project)}`,
      flow: preparedFlowOf(context, sprint),
      sprint,
      iterations: context.data.sprints,
      evaluatedOn: addDays(lastDay, 1),
      timeZone: context.timeZone,
    });
    const items = scope?.items ?? [];
    return {
      // The baseline: everything in the sprint at its start, carried-over items included.
      planned: items.filter((item) => item.addedOn === undefined).length,
      added: items.filter((item) => item.origin === 'added').length,
      carriedOverTwice: items.filter((item) => item.origin === 'carriedOverTwice').map((item) => item.itemId),
    };
  }

  async function inputFor(context: TeamContext, weekStart: string, lastDay: string): Promise<InsightInput> {
    const flow = computeFlowMetrics({
      items: context.data.items,
      workflow: context.data.workflow,
      scope: context.data.scope,
      config: context.config,
      fromDay: addDays(lastDay, -27),
      toDay: lastDay,
      ...(context.data.board === undefined ? {} : { layout: context.data.board.layout }),
    });
    const sprint = context.data.sprints.find(
      (candidate) => candidate.startDay <= lastDay && lastDay <= candidate.finishDay,
    );
    return insightInputFromMetrics({
      weekStart,
      flow,
      waitingStates: context.waitingStates,
      sprint:
        sprint === undefined
          ? undefined
          : {
              lengthDays: daysBetween(sprint.startDay, sprint.finishDay) + 1,
              ...(await sprintScopeFigures(context, sprint, lastDay)),
              targetChanges: await targetChanges(context, lastDay),
            },
      delivery: await deliveryWeeks(context, lastDay),
      productionMarked: undefined,
    });
  }

  async function enabledOf(context: TeamContext): Promise<Set<InsightRuleId>> {
    const stored = await store.enabledRules(context.key.organization, context.key.project, context.key.team);
    return new Set(INSIGHT_RULE_IDS.filter((id) => stored === undefined || stored.includes(id)));
  }

  async function weekly(path: TeamPath): Promise<InsightsResponse> {
    const context = await team(path);
    const today = dayOf(now(), context.timeZone);
    const weekStart = mondayOf(today);
    // Data is complete through yesterday: the week's findings are judged as of then.
    const input = await inputFor(context, weekStart, addDays(today, -1));
    const enabled = await enabledOf(context);
    const actions = await store.actions(
      context.key.organization,
      context.key.project,
      context.key.team,
      weekStart,
    );
    const acted = new Map(actions.map((action) => [action.ruleId, action.action]));
    const dismissed = new Set(
      actions.filter((action) => action.action === 'dismissed').map((action) => action.ruleId),
    );
    const findings = weeklyInsights(input, {
      enabled,
      suppressed: new Set(INSIGHT_RULE_IDS.filter((id) => dismissed.has(id))),
    });
    const digest = await store.digest(context.key.organization, context.key.project, context.key.team);
    return {
      ...context.key,
      weekStart,
      digest:
        digest === undefined
          ? null
          : { kind: digest.kind, language: digest.language, maskedUrl: digest.maskedUrl },
      findings: findings.map((finding) => {
        const action = acted.get(finding.ruleId);
        return {
          ruleId: finding.ruleId,
          expectedEffect: finding.expectedEffect,
          itemIds: [...finding.itemIds],
          itemUrls: finding.itemIds.map(
            (id) =>
              `${context.organization.url.replace(/\/+$/, '')}/${encodeURIComponent(context.key.project)}/_workitems/edit/${id}`,
          ),
          figures: { ...finding.figures },
          action:
            action === 'acknowledged' || action === 'experiment' || action === 'dismissed' ? action : null,
        };
      }),
      rules: INSIGHT_RULES.map((rule) => ({
        id: rule.id,
        area: rule.area,
        detects: rule.detects,
        evidence: rule.evidence,
        threshold: rule.threshold,
        minimumData: rule.minimumData,
        experiment: rule.experiment,
        howWeWillKnow: rule.howWeWillKnow,
        enabled: enabled.has(rule.id),
      })),
    };
  }

  async function saveDigest(context: TeamContext, digest: InsightSettings['digest']): Promise<void> {
    const { organization, project, team: teamKey } = context.key;
    if (digest === null || digest === undefined) {
      await store.saveDigest(organization, project, teamKey, null);
      return;
    }
    const problem = digestUrlProblem(digest.kind, digest.url, dependencies.digestAllowedOrigins);
    if (problem !== undefined) throw new DigestUrlError(`digest.url ${problem}.`);
    if (dependencies.secrets === undefined) throw new DigestUrlError('digests are not available here.');
    await store.saveDigest(organization, project, teamKey, {
      kind: digest.kind,
      language: digest.language ?? (context.timeZone === 'Asia/Tokyo' ? 'ja' : 'en'),
      sealedUrl: dependencies.secrets.seal(digest.url),
      maskedUrl: maskDigestUrl(digest.url),
    });
  }

  return {
    weekly,
    async sendWeeklyDigests(logger) {
      if (dependencies.secrets === undefined) return { sent: 0, failed: 0 };
      return sendWeeklyDigests({ store, secrets: dependencies.secrets, weekly, logger, now });
    },
    async act(path, action) {
      const context = await team(path);
      // Actions are stored under the week they answer: one the team has had, as its calendar counts weeks.
      const today = dayOf(now(), context.timeZone);
      const problem = weekStartProblem(action.weekStart, today);
      if (problem !== undefined) throw new InsightWeekError(problem, action.weekStart, mondayOf(today));
      await store.saveAction(context.key.organization, context.key.project, context.key.team, {
        weekStart: action.weekStart,
        ruleId: action.ruleId,
        action: action.action,
        note: action.note,
        iterationId: action.iterationId,
        at: new Date(now()).toISOString(),
      });
      return weekly(path);
    },
    async saveSettings(path, settings) {
      const context = await team(path);
      if (settings.digest !== undefined) await saveDigest(context, settings.digest);
      await store.saveEnabledRules(
        context.key.organization,
        context.key.project,
        context.key.team,
        settings.enabled,
      );
      return weekly(path);
    },
    async experiments(path) {
      const context = await team(path);
      const thisWeek = mondayOf(dayOf(now(), context.timeZone));
      const actions = await store.experiments(
        context.key.organization,
        context.key.project,
        context.key.team,
      );
      const experiments = await judgeExperiments(actions, thisWeek, (weekStart) =>
        inputFor(context, weekStart, addDays(weekStart, 6)),
      );
      return { ...context.key, baselineWeeks: BASELINE_WEEKS, experiments };
    },
    async preview(path, ruleId) {
      const context = await team(path);
      const today = dayOf(now(), context.timeZone);
      const thisWeek = mondayOf(today);
      const weeks: InsightInput[] = [];
      for (let index = PREVIEW_WEEKS; index >= 1; index--) {
        const weekStart = addDays(thisWeek, -7 * index);
        weeks.push(await inputFor(context, weekStart, addDays(weekStart, 6)));
      }
      return {
        ruleId,
        weeks: wouldHaveFired(ruleId, weeks).map((week) => ({
          weekStart: week.weekStart,
          fired: week.finding !== undefined,
          figures: week.finding === undefined ? null : { ...week.finding.figures },
        })),
      };
    },
  };
}
