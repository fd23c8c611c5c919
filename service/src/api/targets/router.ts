import { Router, type Request, type Response } from 'express';
import {
  refusedTargetOf,
  sprintPathSchema,
  sprintTargetsSchema,
} from '../../contract/targets/sprintTargets.ts';
import type { SprintPath } from '../../contract/targets/sprintTargets.ts';
import type { SprintOutlookService } from '../../services/targets/outlookService.ts';
import type { SprintTargetsService } from '../../services/targets/service.ts';
import { TEAM_PATH } from '../flow/endpoints.ts';
import { HttpError, invalidInput } from '../httpErrors.ts';
import { missReasonsInputSchema, sprintReviewInputSchema } from '../../contract/targets/review.ts';
import type { SprintReviewService } from '../../services/targets/reviewService.ts';
import { sendCsv, toCsv, type CsvColumn } from '../csv.ts';
import { asHttp, parseParameters, parseTeamPath, responseFormat, textField } from '../params.ts';
import { conditionalGet, encodeAnswer, sendEncoded } from '../caching.ts';
import type { SprintAnswer } from '../../services/targets/answerVersion.ts';

export const SPRINT_TARGETS_PATH = `${TEAM_PATH}/sprints/:iterationId/targets`;
export const TEAM_SPRINTS_PATH = `${TEAM_PATH}/sprints`;
export const SPRINT_REVIEW_PATH = `${TEAM_PATH}/sprints/:iterationId/review`;
export const SPRINT_MISS_REASONS_PATH = `${TEAM_PATH}/sprints/:iterationId/review/reasons`;
export const TARGET_HISTORY_PATH = `${TEAM_PATH}/sprints/history`;
export const SPRINT_OUTLOOK_PATH = `${TEAM_PATH}/sprints/:iterationId/outlook`;
export const TARGET_SUGGESTIONS_PATH = `${TEAM_PATH}/sprints/:iterationId/targets/suggestions`;

function parseSprintPath(params: unknown): SprintPath {
  const path = sprintPathSchema.safeParse(params);
  if (!path.success) throw invalidInput(path.error, 'path');
  return path.data;
}

/** GET and PUT (the whole goal and target list) of a team's outcome targets for one sprint; GET its outlook. */
interface HistoryCsvRow {
  sprint: string;
  startDay: string;
  finishDay: string;
  targetIndex: number;
  kind: string;
  verdict: string;
  current: number | null;
  firstDayProbability: number | null;
}

const HISTORY_CSV: readonly CsvColumn<HistoryCsvRow>[] = [
  { header: 'sprint', value: (row) => row.sprint },
  { header: 'start', value: (row) => row.startDay },
  { header: 'finish', value: (row) => row.finishDay },
  { header: 'target', value: (row) => row.targetIndex },
  { header: 'kind', value: (row) => row.kind },
  { header: 'verdict', value: (row) => row.verdict },
  { header: 'figure', value: (row) => row.current },
  { header: 'first day probability', value: (row) => row.firstDayProbability },
];

export function createSprintTargetsRouter(
  service: SprintTargetsService,
  outlooks: SprintOutlookService,
  reviews: SprintReviewService,
): Router {
  const router = Router();
  /** A GET answered with an ETag from the data version, or 304 when the caller's copy is current. */
  async function sendVersioned(
    request: Request,
    response: Response,
    answer: SprintAnswer,
    compute: (path: SprintPath) => Promise<unknown>,
  ): Promise<void> {
    const path = parseSprintPath(request.params);
    const parts = await asHttp(() => service.answerVersion(path, answer));
    const tag = conditionalGet(request, response, parts);
    if (tag.fresh) return;
    const body = await asHttp(() => compute(path));
    sendEncoded(response, tag.etag, await encodeAnswer({ kind: 'json', value: body }, tag.coding));
  }
  router.get(TARGET_HISTORY_PATH, async (request, response) => {
    const history = await asHttp(() => reviews.history(parseTeamPath(request.params)));
    if (responseFormat(request, textField(request.query, 'format'), true) === 'csv') {
      const rows = history.sprints.flatMap((sprint) =>
        sprint.targets.map((target) => ({
          sprint: sprint.name,
          startDay: sprint.startDay,
          finishDay: sprint.finishDay,
          ...target,
        })),
      );
      sendCsv(response, { filename: `seika-targets-${history.team}.csv`, body: toCsv(HISTORY_CSV, rows) });
      return;
    }
    response.json(history);
  });
  router.get(SPRINT_REVIEW_PATH, (request, response) =>
    sendVersioned(request, response, 'review', (path) => reviews.review(path)),
  );
  router.put(SPRINT_REVIEW_PATH, async (request, response) => {
    const path = parseSprintPath(request.params);
    const notes = parseParameters(sprintReviewInputSchema, request.body, 'body');
    response.json(await asHttp(() => reviews.saveReview(path, notes)));
  });
  router.put(SPRINT_MISS_REASONS_PATH, async (request, response) => {
    const path = parseSprintPath(request.params);
    const { missReasons } = parseParameters(missReasonsInputSchema, request.body, 'body');
    response.json(await asHttp(() => reviews.saveMissReasons(path, missReasons)));
  });
  router.get(TEAM_SPRINTS_PATH, async (request, response) => {
    response.json(await asHttp(() => service.sprints(parseTeamPath(request.params))));
  });
  router.get(SPRINT_OUTLOOK_PATH, (request, response) =>
    sendVersioned(request, response, 'outlook', (path) => outlooks.outlook(path)),
  );
  router.get(TARGET_SUGGESTIONS_PATH, (request, response) =>
    sendVersioned(request, response, 'suggestions', (path) => service.suggestions(path)),
  );
  router.get(SPRINT_TARGETS_PATH, async (request, response) => {
    response.json(await asHttp(() => service.get(parseSprintPath(request.params))));
  });
  router.put(SPRINT_TARGETS_PATH, async (request, response) => {
    const path = parseSprintPath(request.params);
    // Refused kinds get their reason, not a schema error: they measure people, not outcomes.
    const refused = refusedTargetOf(request.body);
    if (refused !== undefined) {
      throw new HttpError(422, 'target_refused', refused.reason, `targets.${refused.index}.kind`);
    }
    const targets = parseParameters(sprintTargetsSchema, request.body, 'body');
    response.json(await asHttp(() => service.put(path, targets)));
  });
  return router;
}
