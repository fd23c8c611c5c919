/**
 * Sends each configured team its weekly insight digest, once per team and week: the week is claimed in
 * the database before posting (so several instances and repeated rounds send it once) and given back when
 * the post fails, so the next round tries again. Posts go only to the sealed URL the team administrator
 * set, with a timeout, no redirects followed and the answer's body ignored.
 */
import type { TeamPath } from '../../contract/index.ts';
import type { InsightsResponse } from '../../contract/insights/insights.ts';
import type { Logger } from '../../logger.ts';
import type { SecretBox } from '../../security/secretBox.ts';
import type { InsightStore } from '../../storage/insights.ts';
import { digestMessage } from './digestMessage.ts';

const POST_TIMEOUT_MS = 5_000;

export interface DigestRoundResult {
  sent: number;
  failed: number;
}

export async function sendWeeklyDigests(dependencies: {
  store: Pick<InsightStore, 'digestTeams' | 'digestSent' | 'claimDigestWeek' | 'releaseDigestWeek'>;
  secrets: SecretBox;
  weekly: (team: TeamPath) => Promise<InsightsResponse>;
  logger: Logger;
  now?: () => number;
  fetch?: typeof fetch;
}): Promise<DigestRoundResult> {
  const { store, secrets, logger } = dependencies;
  const post = dependencies.fetch ?? fetch;
  const now = dependencies.now ?? Date.now;
  const result: DigestRoundResult = { sent: 0, failed: 0 };
  for (const target of await store.digestTeams()) {
    const path = { organization: target.organization, project: target.project, team: target.team };
    try {
      const insights = await dependencies.weekly(path);
      if (await store.digestSent(target.organization, target.project, target.team, insights.weekStart))
        continue;
      const claimed = await store.claimDigestWeek(
        target.organization,
        target.project,
        target.team,
        insights.weekStart,
        { at: new Date(now()).toISOString(), findings: Math.min(insights.findings.length, 3) },
      );
      if (!claimed) continue;
      const message = digestMessage({
        kind: target.digest.kind,
        language: target.digest.language,
        team: insights.team,
        insights,
      });
      try {
        const response = await post(secrets.open(target.digest.sealedUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(message.body),
          redirect: 'error',
          signal: AbortSignal.timeout(POST_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
        result.sent++;
      } catch (error) {
        await store.releaseDigestWeek(target.organization, target.project, target.team, insights.weekStart);
        throw error;
      }
    } catch (error) {
      result.failed++;
      // The URL is a secret: log the team, never where the digest goes.
      logger.warn('insight digest not sent', {
        organization: target.organization,
        project: target.project,
        team: target.team,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
