/** The sprint review as Markdown for the team's wiki, in the user's language. */
import type { SprintReviewResponse } from '../../../../../service/src/contract/targets/review.ts';
import type { SprintStrings } from '../../../targets/strings/en.ts';
import { TARGET_KINDS } from './targetDrafts.ts';

export function reviewMarkdown(
  review: SprintReviewResponse,
  strings: SprintStrings,
  formatPercent: (value: number) => string,
): string {
  const kindName = (kind: string) => {
    const known = TARGET_KINDS.find((candidate) => candidate === kind);
    return known === undefined ? kind : strings.kind[known];
  };
  const lines = [
    `# ${strings.review.heading}: ${review.sprint.name}`,
    '',
    strings.dates(review.sprint.startDay, review.sprint.finishDay),
    '',
    `## ${strings.goalHeading}`,
    '',
    review.goal === '' ? strings.noGoal : review.goal,
    '',
    `## ${strings.targetsHeading}`,
    '',
  ];
  for (const verdict of review.verdicts) {
    const odds =
      verdict.firstDayProbability === null
        ? ''
        : ` — ${strings.review.firstDayOdds(formatPercent(verdict.firstDayProbability))}`;
    lines.push(
      `- **${strings.review.verdict[verdict.verdict]}** · ${strings.describe(verdict.target)}${odds}`,
    );
    if (verdict.reason !== null && verdict.reason !== '')
      lines.push(`  - ${strings.review.reason}: ${verdict.reason}`);
  }
  for (const part of ['keep', 'problem', 'try'] as const) {
    lines.push('', `## ${strings.review[part]}`, '');
    for (const entry of review.outline[part]) {
      lines.push(
        `- ${strings.review.entry(entry.key, entry.parameters, kindName)} (${strings.review.fromData})`,
      );
    }
    for (const note of review.notes[part]) lines.push(`- ${note}`);
  }
  return `${lines.join('\n')}\n`;
}
