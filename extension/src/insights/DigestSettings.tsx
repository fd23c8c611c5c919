import { useId, useState, type FormEvent } from 'react';
import type { DigestKind, InsightsResponse } from '../../../service/src/contract/insights/insights.ts';
import { apiErrorText } from '../i18n/apiErrors.ts';
import type { Language } from '../i18n/locale.ts';
import type { InsightLabels } from './strings.ts';

interface DigestSettingsProps {
  digest: InsightsResponse['digest'];
  labels: InsightLabels;
  language: Language;
  /** Saves the digest (null switches it off); rejects with the service's message. */
  onSave: (digest: { kind: DigestKind; url: string } | null) => Promise<void>;
}

/**
 * A team administrator's weekly digest: the Teams or Slack incoming webhook it goes to. The URL is sent
 * once and never shown again; the service answers only a masked form.
 */
export function DigestSettings({ digest, labels, language, onSave }: DigestSettingsProps) {
  const [kind, setKind] = useState<DigestKind>(digest?.kind ?? 'teams');
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kindId = useId();
  const urlId = useId();
  const problemId = useId();

  const save = async (value: { kind: DigestKind; url: string } | null) => {
    setBusy(true);
    setProblem(null);
    try {
      await onSave(value);
      setUrl('');
    } catch (error) {
      setProblem(labels.actFailed + apiErrorText(error, language));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({ kind, url: url.trim() });
  };

  return (
    <div className="seika-insights-digest" data-testid="insight-digest">
      <h3>{labels.digestHeading}</h3>
      <p className="seika-insights-note">{labels.digestNote}</p>
      <p>
        {digest === null
          ? labels.digestNone
          : `${labels.digestCurrent}: ${digest.kind} · ${digest.maskedUrl}`}
      </p>
      <form className="seika-insights-form" onSubmit={submit}>
        <label htmlFor={kindId}>{labels.digestKind}</label>
        <select
          id={kindId}
          value={kind}
          onChange={(event) => setKind(event.target.value === 'slack' ? 'slack' : 'teams')}
        >
          <option value="teams">Microsoft Teams</option>
          <option value="slack">Slack</option>
        </select>
        <label htmlFor={urlId}>{labels.digestUrl}</label>
        <input
          id={urlId}
          type="url"
          required
          autoComplete="off"
          value={url}
          aria-describedby={problem === null ? undefined : problemId}
          onChange={(event) => setUrl(event.target.value)}
        />
        <div className="seika-insights-form-buttons">
          <button type="submit" className="seika-button" disabled={busy || url.trim() === ''}>
            {labels.digestSave}
          </button>
          {digest !== null ? (
            <button type="button" className="seika-button" disabled={busy} onClick={() => void save(null)}>
              {labels.digestOff}
            </button>
          ) : null}
        </div>
      </form>
      {problem !== null ? (
        <p id={problemId} role="alert" className="seika-insights-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
