import { useState } from 'react';
import type {
  SprintPath,
  SprintTargetsResponse,
} from '../../../../../service/src/contract/targets/sprintTargets.ts';
import type { TargetSuggestion } from '../../../../../service/src/contract/targets/suggestions.ts';
import { SeikaApiError, type SeikaClient } from '../../../api/seikaClient.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import type { Language } from '../../../i18n/locale.ts';
import type { SprintStrings } from '../../../targets/strings/en.ts';
import {
  draftOf,
  isParameterName,
  newDraft,
  PARAMETERS,
  parseItemIds,
  TARGET_KINDS,
  targetOf,
  type ParameterName,
  type TargetDraft,
  type TargetKind,
} from '../state/targetDrafts.ts';
import { SuggestionLine } from './SuggestionLine.tsx';

interface TargetsEditorProps {
  client: SeikaClient;
  sprint: SprintPath;
  current: SprintTargetsResponse;
  /** Values suggested from the team's last sprints (none while they load or when there are none). */
  suggestions: readonly TargetSuggestion[];
  strings: SprintStrings;
  language: Language;
  onSaved: () => void;
  onCancel: () => void;
}

/** This form's own words for what it expects; any other failure as every hub words API errors. */
function messageOf(error: unknown, strings: SprintStrings, language: Language): string {
  if (!(error instanceof SeikaApiError)) return apiErrorText(error, language);
  if (error.code === 'target_refused') return strings.errors.target_refused;
  if (error.code === 'requires_team_administrator') return strings.errors.forbidden;
  if (error.code === 'not_found') return strings.errors.not_found;
  if (error.code === 'invalid_parameter') {
    const name = error.parameter?.split('.').at(-1);
    return strings.errors.invalid_parameter(
      isParameterName(name) ? strings.parameters[name] : (error.parameter ?? ''),
    );
  }
  return apiErrorText(error, language);
}

/** The lead's form: the goal in words, its items, and the targets with their numbers. */
export function TargetsEditor({
  client,
  sprint,
  current,
  suggestions,
  strings,
  language,
  onSaved,
  onCancel,
}: TargetsEditorProps) {
  const [goalText, setGoalText] = useState(current.targets.goal.text);
  const [goalItems, setGoalItems] = useState(current.targets.goal.itemIds.join(', '));
  const [drafts, setDrafts] = useState<TargetDraft[]>(current.targets.targets.map(draftOf));
  const [adding, setAdding] = useState<TargetKind>('itemsFinished');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const update = (index: number, name: ParameterName, value: string) =>
    setDrafts((previous) =>
      previous.map((draft, position) =>
        position === index
          ? {
              ...draft,
              parameters: { ...draft.parameters, [name]: value === '' ? Number.NaN : Number(value) },
            }
          : draft,
      ),
    );

  const suggestionFor = (kind: TargetKind) => suggestions.find((suggestion) => suggestion.kind === kind);
  const useSuggestion = (index: number, suggestion: TargetSuggestion) =>
    setDrafts((previous) =>
      previous.map((draft, position) => (position === index ? draftOf(suggestion.target) : draft)),
    );
  const notYetSet = suggestions.filter(
    (suggestion) => !drafts.some((draft) => draft.kind === suggestion.kind),
  );

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await client.putSprintTargets(sprint, {
        goal: { text: goalText, itemIds: parseItemIds(goalItems), tag: current.targets.goal.tag },
        targets: drafts.map(targetOf),
        membersMayAddMissReasons: current.targets.membersMayAddMissReasons,
      });
      void client
        .recordUsage(sprint.organization, { kind: 'targetsSet', project: sprint.project, team: sprint.team })
        .catch(() => undefined);
      onSaved();
    } catch (caught) {
      setError(messageOf(caught, strings, language));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="sprint-editor"
      aria-label={strings.editHeading}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{strings.editHeading}</h2>
      <label className="sprint-field">
        <span>{strings.goalText}</span>
        <textarea
          value={goalText}
          maxLength={2000}
          rows={3}
          onChange={(event) => setGoalText(event.target.value)}
        />
      </label>
      <label className="sprint-field">
        <span>{strings.goalItemIds}</span>
        <input
          type="text"
          inputMode="numeric"
          value={goalItems}
          onChange={(event) => setGoalItems(event.target.value)}
        />
      </label>
      <ul className="sprint-editor-targets">
        {drafts.map((draft, index) => {
          const suggestion = suggestionFor(draft.kind);
          return (
            <li key={`${draft.kind}-${index}`} className="sprint-editor-target">
              <span className="sprint-editor-kind">{strings.kind[draft.kind]}</span>
              {PARAMETERS[draft.kind].map(([name]) => (
                <label key={name} className="sprint-field sprint-field-inline">
                  <span>{strings.parameters[name]}</span>
                  <input
                    type="number"
                    min={0}
                    value={
                      Number.isNaN(draft.parameters[name] ?? Number.NaN) ? '' : String(draft.parameters[name])
                    }
                    onChange={(event) => update(index, name, event.target.value)}
                  />
                </label>
              ))}
              <button
                type="button"
                className="sprint-button sprint-button-secondary"
                onClick={() => setDrafts((previous) => previous.filter((_, position) => position !== index))}
              >
                {strings.removeTarget}
              </button>
              {suggestion === undefined ? null : (
                <SuggestionLine
                  suggestion={suggestion}
                  strings={strings}
                  actionText={strings.suggestions.use}
                  actionLabel={strings.suggestions.useLabel(strings.kind[draft.kind])}
                  onUse={() => useSuggestion(index, suggestion)}
                />
              )}
            </li>
          );
        })}
      </ul>
      {notYetSet.length > 0 ? (
        <section aria-labelledby="sprint-suggestions-heading">
          <h3 id="sprint-suggestions-heading">{strings.suggestions.heading}</h3>
          <ul className="sprint-suggestions">
            {notYetSet.map((suggestion) => (
              <li key={suggestion.kind}>
                <span className="sprint-editor-kind">{strings.kind[suggestion.kind]}</span>{' '}
                <SuggestionLine
                  suggestion={suggestion}
                  strings={strings}
                  actionText={strings.suggestions.use}
                  actionLabel={strings.suggestions.addSuggested(strings.kind[suggestion.kind])}
                  onUse={() => setDrafts((previous) => [...previous, draftOf(suggestion.target)])}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="sprint-editor-add">
        <label className="sprint-field sprint-field-inline">
          <span>{strings.targetKind}</span>
          <select
            value={adding}
            onChange={(event) =>
              setAdding(TARGET_KINDS.find((kind) => kind === event.target.value) ?? adding)
            }
          >
            {TARGET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {strings.kind[kind]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="sprint-button sprint-button-secondary"
          onClick={() => setDrafts((previous) => [...previous, newDraft(adding)])}
        >
          {strings.addTarget}
        </button>
      </div>
      <p className="sprint-note">{strings.refusedNote}</p>
      {error !== null ? (
        <p className="sprint-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="sprint-editor-actions">
        <button type="submit" className="sprint-button" disabled={saving}>
          {saving ? strings.saving : strings.save}
        </button>
        <button
          type="button"
          className="sprint-button sprint-button-secondary"
          onClick={onCancel}
          disabled={saving}
        >
          {strings.cancel}
        </button>
      </div>
    </form>
  );
}
