import { useState } from 'react';
import type { DeliverySettingsResponse } from '../../../../../service/src/contract/delivery/settings.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import { useQueryClient } from '../../../data/useQuery.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import { languageOf } from '../../../i18n/locale.ts';
import { DELIVERY_KEY_PREFIX } from '../state/deliveryQueries.ts';
import {
  draftOf,
  draftProblems,
  inputOf,
  type DraftField,
  type SettingsDraft,
} from '../state/settingsDraft.ts';
import { useRulePreview } from '../state/useRulePreview.ts';
import type { DeliveryStrings } from '../strings/en.ts';
import { RulePreview } from './RulePreview.tsx';

interface SettingsEditorProps {
  client: SeikaClient;
  settings: DeliverySettingsResponse;
  teamNames: readonly string[];
  strings: DeliveryStrings;
  locale: string;
}

/**
 * Project administrators' delivery settings, with what the production rule selects as it is typed (the
 * service answers from the stored deployments, so the preview is the engine's own verdict).
 */
export function SettingsEditor({ client, settings, teamNames, strings, locale }: SettingsEditorProps) {
  const s = strings.settings;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings.settings));
  const [message, setMessage] = useState<{ tone: 'alert' | 'status'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const project = { organization: settings.organization, project: settings.project };
  const labels: Record<DraftField, string> = {
    environments: s.environments,
    stages: s.stages,
    incidentTypes: s.incidentTypes,
    pipelines: s.pipelines,
  };
  const preview = useRulePreview(client, project, draft);
  const save = async () => {
    const problems = draftProblems(draft);
    if (problems.length > 0) {
      setMessage({ tone: 'alert', text: s.invalid(problems.map((field) => labels[field]).join(', ')) });
      return;
    }
    setSaving(true);
    try {
      await client.putDeliverySettings(project, inputOf(draft, settings.settings));
      queryClient.invalidate(DELIVERY_KEY_PREFIX);
      setMessage({ tone: 'status', text: s.saved });
    } catch (error) {
      setMessage({ tone: 'alert', text: apiErrorText(error, languageOf(locale)) });
    } finally {
      setSaving(false);
    }
  };
  const field = (name: 'environments' | 'stages' | 'incidentTypes' | 'incidentTag', label: string) => (
    <label className="delivery-field">
      <span>{label}</span>
      <input
        type="text"
        value={draft[name]}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
    </label>
  );
  const setTeam = (index: number, change: Partial<SettingsDraft['teams'][number]>) =>
    setDraft({
      ...draft,
      teams: draft.teams.map((mapping, at) => (at === index ? { ...mapping, ...change } : mapping)),
    });
  return (
    <section
      className="seika-card delivery-settings"
      data-testid="settings"
      aria-labelledby="delivery-settings-title"
    >
      <h2 id="delivery-settings-title" className="seika-card-title">
        {s.title}
      </h2>
      <p className="secondary-text">{s.note}</p>
      {field('environments', s.environments)}
      {field('stages', s.stages)}
      <RulePreview
        preview={preview}
        strings={strings}
        locale={locale}
        timeZone={settings.effectiveTimeZone}
      />
      {field('incidentTypes', s.incidentTypes)}
      {field('incidentTag', s.incidentTag)}
      <fieldset className="delivery-teams">
        <legend>{s.teams}</legend>
        {settings.options.pipelines.length > 0 && (
          <p className="secondary-text">
            {s.optionsPipelines(
              settings.options.pipelines
                .map(
                  (pipeline) => `${s.pipelineKind[pipeline.kind]} ${pipeline.definitionId} ${pipeline.name}`,
                )
                .join(', '),
            )}
          </p>
        )}
        {draft.teams.map((mapping, index) => (
          <div key={index} className="delivery-team-row" data-testid="team-mapping">
            <label className="delivery-field">
              <span>{s.team}</span>
              <select value={mapping.team} onChange={(event) => setTeam(index, { team: event.target.value })}>
                {[...new Set([mapping.team, ...teamNames])].map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label className="delivery-field">
              <span>{s.pipelines}</span>
              <input
                type="text"
                value={mapping.pipelines}
                onChange={(event) => setTeam(index, { pipelines: event.target.value })}
              />
            </label>
            <label className="delivery-field">
              <span>{s.releases}</span>
              <input
                type="text"
                value={mapping.releases}
                onChange={(event) => setTeam(index, { releases: event.target.value })}
              />
            </label>
            <label className="delivery-field">
              <span>{s.repositories}</span>
              <input
                type="text"
                value={mapping.repositories}
                onChange={(event) => setTeam(index, { repositories: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="seika-button"
              onClick={() => setDraft({ ...draft, teams: draft.teams.filter((_m, at) => at !== index) })}
            >
              {s.remove}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="seika-button"
          onClick={() =>
            setDraft({
              ...draft,
              teams: [
                ...draft.teams,
                { team: teamNames[0] ?? '', pipelines: '', releases: '', repositories: '' },
              ],
            })
          }
        >
          {s.addTeam}
        </button>
      </fieldset>
      <button
        type="button"
        className="seika-button delivery-save"
        disabled={saving}
        onClick={() => void save()}
      >
        {s.save}
      </button>
      {message && (
        <p role={message.tone} className={message.tone === 'alert' ? 'delivery-error' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
