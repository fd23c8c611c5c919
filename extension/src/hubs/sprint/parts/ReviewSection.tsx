import { useState } from 'react';
import type { SprintReviewResponse } from '../../../../../service/src/contract/targets/review.ts';
import type { SprintPath } from '../../../../../service/src/contract/targets/sprintTargets.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import type { Language } from '../../../i18n/locale.ts';
import { reviewMarkdown } from '../state/reviewMarkdown.ts';
import { TARGET_KINDS } from '../state/targetDrafts.ts';
import type { SprintStrings } from '../../../targets/strings/en.ts';

interface ReviewSectionProps {
  client: SeikaClient;
  sprint: SprintPath;
  review: SprintReviewResponse;
  /** Team or project administrator: may edit notes and every reason. */
  isLead: boolean;
  strings: SprintStrings;
  language: Language;
  formatPercent: (value: number) => string;
  onSaved: () => void;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** At sprint end: verdicts with the team's reasons, Keep/Problem/Try from the data and the team, Markdown. */
export function ReviewSection({
  client,
  sprint,
  review,
  isLead,
  strings,
  language,
  formatPercent,
  onSaved,
}: ReviewSectionProps) {
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries(review.verdicts.map((verdict) => [String(verdict.targetIndex), verdict.reason ?? ''])),
  );
  const [notes, setNotes] = useState({
    keep: review.notes.keep.join('\n'),
    problem: review.notes.problem.join('\n'),
    try: review.notes.try.join('\n'),
  });
  const [message, setMessage] = useState<string | null>(null);
  const mayWriteReasons = isLead || review.membersMayAddMissReasons;
  const kindName = (kind: string) => {
    const known = TARGET_KINDS.find((candidate) => candidate === kind);
    return known === undefined ? kind : strings.kind[known];
  };

  const save = async () => {
    setMessage(null);
    const missReasons = Object.fromEntries(Object.entries(reasons).filter(([, text]) => text.trim() !== ''));
    try {
      if (isLead) {
        await client.putSprintReview(sprint, {
          missReasons,
          keep: lines(notes.keep),
          problem: lines(notes.problem),
          try: lines(notes.try),
        });
      } else {
        await client.putMissReasons(sprint, missReasons);
      }
      void client
        .recordUsage(sprint.organization, { kind: 'reviewSaved', project: sprint.project, team: sprint.team })
        .catch(() => undefined);
      setMessage(strings.review.reasonsSaved);
      onSaved();
    } catch (caught) {
      setMessage(apiErrorText(caught, language));
    }
  };

  const exportMarkdown = () => {
    const blob = new Blob([reviewMarkdown(review, strings, formatPercent)], {
      type: 'text/markdown;charset=utf-8',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${review.sprint.name}-review.md`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <section className="sprint-section sprint-review" aria-labelledby="sprint-review-heading">
      <h2 id="sprint-review-heading">{strings.review.heading}</h2>
      <ul className="sprint-verdicts">
        {review.verdicts.map((verdict) => (
          <li key={verdict.targetIndex} className={`sprint-verdict sprint-verdict-${verdict.verdict}`}>
            <strong>{strings.review.verdict[verdict.verdict]}</strong> · {strings.describe(verdict.target)}
            {verdict.firstDayProbability !== null ? (
              <span className="sprint-note">
                {' '}
                — {strings.review.firstDayOdds(formatPercent(verdict.firstDayProbability))}
              </span>
            ) : null}
            {verdict.verdict === 'missed' ? (
              mayWriteReasons ? (
                <label className="sprint-field">
                  <span>{strings.review.reason}</span>
                  <input
                    type="text"
                    maxLength={2000}
                    value={reasons[String(verdict.targetIndex)] ?? ''}
                    onChange={(event) =>
                      setReasons((previous) => ({
                        ...previous,
                        [String(verdict.targetIndex)]: event.target.value,
                      }))
                    }
                  />
                </label>
              ) : verdict.reason !== null ? (
                <p className="sprint-note">
                  {strings.review.reason}: {verdict.reason}
                </p>
              ) : null
            ) : null}
          </li>
        ))}
      </ul>
      <div className="sprint-kpt">
        {(['keep', 'problem', 'try'] as const).map((part) => (
          <div key={part} className="sprint-kpt-column">
            <h3>{strings.review[part]}</h3>
            <ul>
              {review.outline[part].map((entry, index) => (
                <li key={`${entry.key}-${index}`}>
                  {strings.review.entry(entry.key, entry.parameters, kindName)}{' '}
                  <span className="sprint-note">({strings.review.fromData})</span>
                </li>
              ))}
            </ul>
            {isLead ? (
              <label className="sprint-field">
                <span>{strings.review.teamNotes}</span>
                <textarea
                  rows={3}
                  value={notes[part]}
                  onChange={(event) => setNotes((previous) => ({ ...previous, [part]: event.target.value }))}
                />
              </label>
            ) : (
              <ul>
                {review.notes[part].map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <div className="sprint-editor-actions">
        {mayWriteReasons ? (
          <button type="button" className="sprint-button" onClick={() => void save()}>
            {isLead ? strings.review.saveNotes : strings.review.saveReasons}
          </button>
        ) : null}
        <button type="button" className="sprint-button sprint-button-secondary" onClick={exportMarkdown}>
          {strings.review.exportMarkdown}
        </button>
        {message !== null ? (
          <span className="sprint-note" role="status">
            {message}
          </span>
        ) : null}
      </div>
    </section>
  );
}
