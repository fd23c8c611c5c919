import type {
  DeliverySettingsPreviewResponse,
  PreviewTarget,
} from '../../../../../service/src/contract/delivery/settings.ts';
import type { QueryState } from '../../../data/queryClient.ts';
import { formatInstant } from '../../../format/calendar.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import { languageOf } from '../../../i18n/locale.ts';
import type { DeliveryStrings } from '../strings/en.ts';

interface RulePreviewProps {
  /** null: a pattern is not a valid regular expression yet. */
  preview: QueryState<DeliverySettingsPreviewResponse> | null;
  strings: DeliveryStrings;
  locale: string;
  timeZone: string;
}

/** "a, b, c and 4 more": at most the names the service listed, and how many it left out. */
function namesLine(list: { total: number; names: readonly string[] }, more: (count: number) => string) {
  const rest = list.total - list.names.length;
  return rest > 0 ? `${list.names.join(', ')} ${more(rest)}` : list.names.join(', ');
}

/**
 * What the draft production mark selects, as the service answers it from the stored deployments: counts
 * beside the saved rule's, what it adds and removes, each matched target with its latest deployments, and
 * the targets it leaves out.
 */
export function RulePreview({ preview, strings, locale, timeZone }: RulePreviewProps) {
  const p = strings.settings.preview;
  const body = () => {
    if (preview === null) return <p className="secondary-text">{p.invalid}</p>;
    if (preview.status === 'loading') return <p className="secondary-text">{p.loading}</p>;
    if (preview.status === 'error')
      return <p role="alert">{p.failed(apiErrorText(preview.error, languageOf(locale)))}</p>;
    const answer = preview.data;
    const { added, removed } = answer.changes;
    const row = (target: PreviewTarget) => (
      <tr key={`${target.kind}:${target.name}`} data-testid="preview-row" data-target={target.name}>
        <th scope="row">
          {target.name}
          {!target.savedProduction && <span className="delivery-preview-new"> ({p.newlySelected})</span>}
        </th>
        <td>{p.kind[target.kind]}</td>
        <td data-testid="preview-deployments">{target.deployments}</td>
        <td>{target.successful}</td>
        <td>
          <ul className="delivery-preview-recent">
            {target.recent.map((deployment) => (
              <li key={deployment.id}>
                {deployment.url === null ? (
                  deployment.pipeline
                ) : (
                  <a href={deployment.url} target="_blank" rel="noreferrer">
                    {deployment.pipeline}
                  </a>
                )}{' '}
                {deployment.finishedAt === null ? '' : formatInstant(deployment.finishedAt, locale, timeZone)}{' '}
                · {strings.outcome[deployment.outcome]}
              </li>
            ))}
          </ul>
        </td>
      </tr>
    );
    return (
      <>
        <p data-testid="preview-selects">
          {answer.matched.total === 0
            ? p.none
            : p.selects(
                answer.draftSelects.targets,
                answer.draftSelects.deployments,
                answer.draftSelects.successful,
              )}
        </p>
        <p className="secondary-text">
          {p.saved(answer.savedSelects.targets, answer.savedSelects.deployments)}
        </p>
        {!answer.productionChanges ? (
          <p className="secondary-text" data-testid="preview-unchanged">
            {p.unchanged}
          </p>
        ) : (
          <>
            {added.total > 0 && (
              <p data-testid="preview-added" data-count={added.total}>
                {p.added(namesLine(added, p.more))}
              </p>
            )}
            {removed.total > 0 && (
              <p data-testid="preview-removed" data-count={removed.total}>
                {p.removed(namesLine(removed, p.more))}
              </p>
            )}
            <p className="secondary-text">{p.recomputes}</p>
          </>
        )}
        {answer.matched.items.length > 0 && (
          <div className="seika-table-wrap">
            <table className="seika-table" data-testid="preview-table">
              <caption className="seika-visually-hidden">{p.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.columns.target}</th>
                  <th scope="col">{p.columns.kind}</th>
                  <th scope="col">{p.columns.deployments}</th>
                  <th scope="col">{p.columns.successful}</th>
                  <th scope="col">{p.columns.latest}</th>
                </tr>
              </thead>
              <tbody>{answer.matched.items.map(row)}</tbody>
            </table>
          </div>
        )}
        {answer.matched.total > answer.matched.items.length && (
          <p className="secondary-text">{p.shown(answer.matched.items.length, answer.matched.total)}</p>
        )}
        {answer.unmatched.total > 0 && (
          <p className="secondary-text" data-testid="preview-unmatched" data-count={answer.unmatched.total}>
            {p.unmatched(answer.unmatched.total)}
            {namesLine(
              {
                total: answer.unmatched.total,
                names: answer.unmatched.items.map((target) => `${target.name} (${p.kind[target.kind]})`),
              },
              p.more,
            )}
          </p>
        )}
      </>
    );
  };
  return (
    <section
      className="delivery-preview"
      data-testid="preview"
      data-status={preview === null ? 'invalid' : preview.status}
      data-matched={preview?.status === 'success' ? preview.data.matched.total : undefined}
      aria-labelledby="delivery-preview-title"
      aria-live="polite"
    >
      <h3 id="delivery-preview-title" className="delivery-preview-title">
        {p.title}
      </h3>
      {body()}
    </section>
  );
}
