import type { TargetSuggestion } from '../../../../../service/src/contract/targets/suggestions.ts';
import type { SprintStrings } from '../../../targets/strings/en.ts';

interface SuggestionLineProps {
  suggestion: TargetSuggestion;
  strings: SprintStrings;
  /** The label of the "use" button, saying what it does to which target. */
  actionLabel: string;
  actionText: string;
  onUse: () => void;
}

/** "Suggested: at least 12 items finished · met in 4 of the last 6 sprints [Use]", beside the target's fields. */
export function SuggestionLine({ suggestion, strings, actionLabel, actionText, onUse }: SuggestionLineProps) {
  const text = strings.suggestions;
  return (
    <span className="sprint-suggestion" data-kind={suggestion.kind}>
      <span className="sprint-suggestion-value">{text.suggested(strings.describe(suggestion.target))}</span>
      <span className="sprint-suggestion-rate">{text.metIn(suggestion.metIn, suggestion.of)}</span>
      {suggestion.tooFewToJudge ? <span className="sprint-too-few">{text.tooFewToJudge}</span> : null}
      <button
        type="button"
        className="sprint-button sprint-button-secondary"
        aria-label={actionLabel}
        onClick={onUse}
      >
        {actionText}
      </button>
    </span>
  );
}
