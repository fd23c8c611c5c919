/**
 * The sprint review and the history across sprints. Verdicts come from the final outlook (the day after
 * the sprint's last day); the Keep/Problem/Try outline is pre-filled from the data by the engine; the
 * team's reasons and notes are stored beside the targets. Team figures only: nothing names a person.
 */
import type { SprintPath } from '../../contract/targets/sprintTargets.ts';
import type { TeamPath } from '../../contract/index.ts';
import {
  sprintReviewInputSchema,
  type SprintReviewNotes,
  type SprintReviewResponse,
  type TargetHistoryResponse,
} from '../../contract/targets/review.ts';
import { addDays } from '../../metrics/calendar.ts';
import { calibrationBands, kptOutline, verdicts, type TargetOutlook } from '../../metrics/targets/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SprintTargetsStore, StoredSprintReview } from '../../storage/targets.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import type { SprintOutlookService } from './outlookService.ts';
import { decodeSprintTargets } from './service.ts';
import { findSprint } from './sprint.ts';

export interface SprintReviewService {
  review(path: SprintPath): Promise<SprintReviewResponse>;
  /** Team administrators: reasons and notes. */
  saveReview(path: SprintPath, notes: SprintReviewNotes): Promise<SprintReviewResponse>;
  /** Members, when the lead allows it: reasons only (notes stay as they are). */
  saveMissReasons(path: SprintPath, missReasons: Record<string, string>): Promise<SprintReviewResponse>;
  history(team: TeamPath): Promise<TargetHistoryResponse>;
}

const EMPTY_NOTES: SprintReviewNotes = sprintReviewInputSchema.parse({});
const NO_SCOPE = { planned: 0, added: 0, carriedOver: 0, carriedOverTwice: 0, removed: 0, total: 0 };

function decodeNotes(stored: StoredSprintReview | undefined): SprintReviewNotes {
  if (stored === undefined) return EMPTY_NOTES;
  const parsed = sprintReviewInputSchema.safeParse(JSON.parse(stored.review));
  return parsed.success ? parsed.data : EMPTY_NOTES;
}

export function createSprintReviewService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  targets: SprintTargetsStore;
  outlooks: SprintOutlookService;
  now?: () => number;
}): SprintReviewService {
  const { repository, organizations, targets, outlooks } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function review(path: SprintPath): Promise<SprintReviewResponse> {
    const { key } = await findSprint(repository, organizations, path);
    const [outlook, stored, storedTargets] = await Promise.all([
      outlooks.outlook(path),
      targets.getReview(key),
      targets.get(key),
    ]);
    const notes = decodeNotes(stored);
    const settings = decodeSprintTargets(storedTargets);
    const ended = outlook.phase === 'ended';
    const engineOutlooks: TargetOutlook[] = outlook.targets.map((target) => ({
      ...target,
      probability: target.probability ?? undefined,
      unavailable: target.unavailable ?? undefined,
    }));
    const judged = verdicts(engineOutlooks);
    const firstDay = outlook.history.filter((point) => point.day === outlook.sprint.startDay);
    // While the iteration's membership history is not known, scope changes are not either: left out.
    const outline = kptOutline(ended ? judged : [], outlook.scope?.counts ?? NO_SCOPE);
    return {
      organization: outlook.organization,
      project: outlook.project,
      team: outlook.team,
      iterationId: outlook.iterationId,
      sprint: outlook.sprint,
      phase: outlook.phase,
      goal: settings.goal.text,
      verdicts: outlook.targets.map((target, index) => ({
        targetIndex: target.targetIndex,
        target: target.target,
        verdict: ended ? (judged[index]?.verdict ?? 'notJudged') : 'pending',
        current: target.current,
        tooFewToJudge: target.tooFewToJudge,
        firstDayProbability:
          firstDay.find((point) => point.targetIndex === target.targetIndex)?.probability ?? null,
        reason: notes.missReasons[String(target.targetIndex)] ?? null,
      })),
      outline,
      notes: { keep: notes.keep, problem: notes.problem, try: notes.try },
      scope: outlook.scope,
      membersMayAddMissReasons: settings.membersMayAddMissReasons,
      updatedAt: stored?.updatedAt ?? null,
    };
  }

  async function save(path: SprintPath, change: (current: SprintReviewNotes) => SprintReviewNotes) {
    const { key } = await findSprint(repository, organizations, path);
    const stored = await targets.getReview(key);
    const next = change(decodeNotes(stored));
    const previousMs = stored === undefined ? 0 : Date.parse(stored.updatedAt);
    await targets.saveReview(key, {
      review: JSON.stringify(next),
      updatedAt: new Date(Math.max(now(), previousMs + 1)).toISOString(),
    });
    return review(path);
  }

  return {
    review,
    saveReview: (path, notes) => save(path, () => notes),
    async saveMissReasons(path, missReasons) {
      const { key } = await findSprint(repository, organizations, path);
      if (!decodeSprintTargets(await targets.get(key)).membersMayAddMissReasons) {
        throw new ForbiddenError(
          'The team’s lead has not allowed members to record reasons for missed targets.',
        );
      }
      return save(path, (current) => ({
        ...current,
        missReasons: { ...current.missReasons, ...missReasons },
      }));
    },
    async history(team) {
      const organization = await organizations.find(team.organization);
      if (organization === undefined) {
        throw new NotFoundError(
          `Organization "${team.organization}" is not connected to this Seika service.`,
        );
      }
      const key = { organization: organization.name, project: team.project, team: team.team };
      const [iterations, snapshots] = await Promise.all([
        repository.getTeamIterations(key.organization, key.project, key.team),
        targets.teamSnapshots(key.organization, key.project, key.team),
      ]);
      const predictions: { probability: number; met: boolean }[] = [];
      const sprints = iterations.flatMap((iteration) => {
        const { startDay, finishDay } = iteration;
        if (startDay === null || finishDay === null) return [];
        const own = snapshots.filter((snapshot) => snapshot.iterationId === iteration.id.toLowerCase());
        if (own.length === 0) return [];
        const finalDay = addDays(finishDay, 1);
        const indexes = [...new Set(own.map((snapshot) => snapshot.targetIndex))].sort((a, b) => a - b);
        return [
          {
            iterationId: iteration.id,
            name: iteration.name,
            startDay,
            finishDay,
            targets: indexes.map((targetIndex) => {
              const mine = own.filter((snapshot) => snapshot.targetIndex === targetIndex);
              const final = mine.find((snapshot) => snapshot.day === finalDay);
              const first = mine.find((snapshot) => snapshot.day === startDay);
              const firstDayProbability = first?.probability ?? null;
              if (final !== undefined && firstDayProbability !== null) {
                predictions.push({ probability: firstDayProbability, met: final.metNow });
              }
              return {
                targetIndex,
                kind: (final ?? mine.at(-1))?.kind ?? '',
                verdict:
                  final === undefined
                    ? ('pending' as const)
                    : final.metNow
                      ? ('met' as const)
                      : ('missed' as const),
                current: (final ?? mine.at(-1))?.current ?? null,
                firstDayProbability,
              };
            }),
          },
        ];
      });
      return { ...key, sprints, calibration: calibrationBands(predictions) };
    },
  };
}
