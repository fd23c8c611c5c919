import type { SprintOutlookResponse } from '../../../../../service/src/contract/targets/sprintTargets.ts';
import { SCOPE_ORIGINS } from '../../../../../service/src/contract/targets/scope.ts';
import type { SprintStrings } from '../../../targets/strings/en.ts';

interface ScopeSectionProps {
  outlook: SprintOutlookResponse;
  strings: SprintStrings;
  formatNumber: (value: number) => string;
}

/**
 * The sprint's scope against the baseline frozen at its start: how many items were planned, added,
 * carried over (once, twice) and taken out, and the items taken out with links (they stay in the total).
 */
export function ScopeSection({ outlook, strings, formatNumber }: ScopeSectionProps) {
  const { scope } = outlook;
  const text = strings.scope;
  const removed = scope?.items.filter((item) => item.removed) ?? [];
  return (
    <section className="sprint-section" aria-labelledby="sprint-scope-heading">
      <h2 id="sprint-scope-heading">{text.heading}</h2>
      {scope === null ? (
        <p className="sprint-note">{text.teamFlowNote}</p>
      ) : (
        <>
          <dl className="sprint-scope-counts">
            {SCOPE_ORIGINS.map((origin) => (
              <div key={origin} className="sprint-scope-count" data-origin={origin}>
                <dt>{text.origin[origin]}</dt>
                <dd>{formatNumber(scope.counts[origin])}</dd>
              </div>
            ))}
            <div className="sprint-scope-count" data-origin="removed">
              <dt>{text.removed}</dt>
              <dd>{formatNumber(scope.counts.removed)}</dd>
            </div>
            <div className="sprint-scope-count" data-origin="total">
              <dt>{text.total}</dt>
              <dd>{formatNumber(scope.counts.total)}</dd>
            </div>
          </dl>
          <p className="sprint-note">{text.baselineNote}</p>
          {scope.tooFewToJudge ? <p className="sprint-note sprint-too-few">{text.tooFewToJudge}</p> : null}
          <h3>{text.removedHeading}</h3>
          {removed.length === 0 ? (
            <p className="sprint-note">{text.noneRemoved}</p>
          ) : (
            <ul className="sprint-scope-removed">
              {removed.map((item) => (
                <li key={item.itemId} data-item={item.itemId}>
                  <a href={item.url} target="_blank" rel="noreferrer">
                    #{item.itemId} {item.title}
                  </a>{' '}
                  <span className="sprint-note">
                    {text.origin[item.origin]} ·{' '}
                    {item.removedOn === null ? '' : text.removedOn(item.removedOn)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
