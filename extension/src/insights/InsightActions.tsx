import { useId, useState, type FormEvent } from 'react';
import type { InsightAction } from '../../../service/src/contract/insights/insights.ts';
import { SeikaApiError } from '../api/seikaClient.ts';
import { apiErrorText } from '../i18n/apiErrors.ts';
import type { Language } from '../i18n/locale.ts';
import type { InsightLabels } from './strings.ts';

export interface ActionRequest {
  action: InsightAction['action'];
  note: string;
  iterationId: string | null;
}

interface InsightActionsProps {
  ruleTitle: string;
  labels: InsightLabels;
  language: Language;
  /** The current sprint an experiment may be linked to, if there is one. */
  currentSprint: { id: string; name: string } | undefined;
  onAct: (request: ActionRequest) => Promise<void>;
}

/**
 * A team administrator's choices for one finding: acknowledge at once, or open a small form to dismiss
 * it (a reason is required) or to make it an experiment (a note, optionally linked to the current sprint).
 */
export function InsightActions({ ruleTitle, labels, language, currentSprint, onAct }: InsightActionsProps) {
  const [form, setForm] = useState<'dismissed' | 'experiment' | null>(null);
  const [note, setNote] = useState('');
  const [linkSprint, setLinkSprint] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const problemId = useId();

  const act = async (request: ActionRequest) => {
    setBusy(true);
    setProblem(null);
    try {
      await onAct(request);
      setForm(null);
      setNote('');
    } catch (error) {
      // The service refuses a week that is not the team's (code invalid_week_start); say it in the user's words.
      if (error instanceof SeikaApiError && error.code === 'invalid_week_start')
        setProblem(labels.weekRefused);
      else setProblem(labels.actFailed + apiErrorText(error, language));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form === null) return;
    if (form === 'dismissed' && note.trim() === '') {
      setProblem(labels.reasonRequired);
      return;
    }
    void act({
      action: form,
      note: note.trim(),
      iterationId: form === 'experiment' && linkSprint && currentSprint ? currentSprint.id : null,
    });
  };

  const open = (kind: 'dismissed' | 'experiment') => {
    setForm(kind);
    setNote('');
    setProblem(null);
  };

  return (
    <div className="seika-insights-actions" role="group" aria-label={`${labels.actionsFor}: ${ruleTitle}`}>
      {form === null ? (
        <>
          <button
            type="button"
            className="seika-button"
            disabled={busy}
            onClick={() => void act({ action: 'acknowledged', note: '', iterationId: null })}
          >
            {labels.acknowledge}
          </button>
          <button type="button" className="seika-button" disabled={busy} onClick={() => open('dismissed')}>
            {labels.dismiss}
          </button>
          <button type="button" className="seika-button" disabled={busy} onClick={() => open('experiment')}>
            {labels.makeExperiment}
          </button>
        </>
      ) : (
        <form className="seika-insights-form" onSubmit={submit} noValidate>
          <label htmlFor={noteId}>
            {form === 'dismissed' ? labels.dismissReason : labels.experimentNote}
          </label>
          <textarea
            id={noteId}
            value={note}
            rows={2}
            maxLength={1000}
            required={form === 'dismissed'}
            aria-invalid={problem !== null && form === 'dismissed' && note.trim() === ''}
            aria-describedby={problem === null ? undefined : problemId}
            autoFocus
            onChange={(event) => setNote(event.target.value)}
          />
          {form === 'experiment' && currentSprint !== undefined ? (
            <label className="seika-insights-check">
              <input
                type="checkbox"
                checked={linkSprint}
                onChange={(event) => setLinkSprint(event.target.checked)}
              />{' '}
              {labels.linkSprint} ({currentSprint.name})
            </label>
          ) : null}
          <div className="seika-insights-form-buttons">
            <button type="submit" className="seika-button" disabled={busy}>
              {form === 'dismissed' ? labels.submitDismiss : labels.submitExperiment}
            </button>
            <button type="button" className="seika-button" disabled={busy} onClick={() => setForm(null)}>
              {labels.cancel}
            </button>
          </div>
        </form>
      )}
      {problem !== null ? (
        <p id={problemId} role="alert" className="seika-insights-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
