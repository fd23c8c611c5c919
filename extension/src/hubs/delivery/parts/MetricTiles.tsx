import type { PeriodFiguresAnswer } from '../../../../../service/src/contract/delivery/figures.ts';
import { HelpButton } from '../../../help/HelpPanel.tsx';
import type { HelpTopicId } from '../../../help/topics.ts';
import { languageOf } from '../../../i18n/locale.ts';
import { formatHours, formatRate } from '../state/deliveryFormat.ts';
import { sparklineSegments } from '../state/sparkline.ts';
import { tileStatusContext, type StatusBase } from '../state/statusMessages.ts';
import { TILES, tileModel, periodValue, type TileValue } from '../state/tileModel.ts';
import type { DeliveryStrings } from '../strings/en.ts';
import type { DeliveryTile } from '../strings/keys.ts';

const HELP_FOR_TILE: Record<DeliveryTile, HelpTopicId> = {
  deploymentFrequency: 'deploymentFrequency',
  leadTimeForChanges: 'leadTimeForChanges',
  changeFailureRate: 'changeFailureRate',
  recoveryTime: 'recoveryTime',
  reworkRate: 'reworkRate',
};

interface MetricTilesProps {
  figures: PeriodFiguresAnswer;
  /** The trend's weeks, for each tile's small trend line (absent while the trend loads). */
  weeks: readonly PeriodFiguresAnswer[] | null;
  strings: DeliveryStrings;
  /** Whose figures and which rules, for the status sentences. */
  statusBase: StatusBase;
  locale: string;
  selected: DeliveryTile;
  onSelect: (tile: DeliveryTile) => void;
  onHelp: (topic: HelpTopicId) => void;
}

/** The five figures, each with its reference band (context only) or the reason it has no value. */
export function MetricTiles({
  figures,
  weeks,
  strings,
  statusBase,
  locale,
  selected,
  onSelect,
  onHelp,
}: MetricTilesProps) {
  const number = (value: number, digits = 1) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const hours = (value: number | null) => (value === null ? '—' : formatHours(value, strings.units, locale));
  const show = (value: TileValue): string =>
    value.kind === 'hours'
      ? formatHours(value.value, strings.units, locale)
      : value.kind === 'rate'
        ? formatRate(value.value, locale)
        : number(value.value);
  const details = (tile: DeliveryTile): string[] => {
    switch (tile) {
      case 'deploymentFrequency': {
        const f = figures.deploymentFrequency;
        return f.status === 'ok'
          ? [
              strings.deploymentDaysPerWeek(number(f.medianDeploymentDaysPerWeek)),
              strings.deploymentsPerDay(number(f.deploymentsPerDay, 2), f.successfulDeployments),
            ]
          : [];
      }
      case 'leadTimeForChanges': {
        const f = figures.leadTimeForChanges;
        if (f.status !== 'ok') return [];
        const parts = f.partMedians;
        return [
          `${strings.changesCount(f.changes)} · ${strings.p85(hours(f.p85Hours))}`,
          `${strings.parts.coding} ${hours(parts.codingHours)} · ${strings.parts.review} ${hours(parts.reviewHours)} · ${strings.parts.waiting} ${hours(parts.waitingForDeploymentHours)}`,
          `${strings.parts.direct} ${hours(parts.codingToDeploymentHours)}`,
        ];
      }
      case 'changeFailureRate': {
        const f = figures.changeFailureRate;
        const d = figures.deploymentFailureRate;
        return f.status === 'ok'
          ? [
              strings.failedOf(f.failedDeployments, f.successfulDeployments),
              ...(d.status === 'ok' ? [strings.deploymentFailureRate(formatRate(d.rate, locale))] : []),
            ]
          : [];
      }
      case 'recoveryTime': {
        const f = figures.failedDeploymentRecoveryTime;
        return f.status === 'ok'
          ? [strings.restored(f.restoredIncidents), strings.openIncidents(f.openIncidentIds.length)]
          : [];
      }
      case 'reworkRate': {
        const f = figures.reworkRate;
        return f.status === 'ok' ? [strings.reworkOf(f.reworkDeployments, f.successfulDeployments)] : [];
      }
    }
  };
  return (
    <section className="delivery-tiles" aria-label={strings.tilesLabel}>
      {TILES.map((tile) => {
        const model = tileModel(tile, figures);
        return (
          <article
            key={tile}
            className={`delivery-tile${selected === tile ? ' delivery-tile-selected' : ''}`}
            data-testid={`tile-${tile}`}
            data-status={model.status}
          >
            <div className="delivery-tile-head">
              <h2 className="delivery-tile-title">
                <button
                  type="button"
                  className="delivery-tile-select"
                  aria-pressed={selected === tile}
                  onClick={() => onSelect(tile)}
                >
                  {strings.tiles[tile]}
                </button>
              </h2>
              <HelpButton
                language={languageOf(locale)}
                label={strings.tiles[tile]}
                onOpen={() => onHelp(HELP_FOR_TILE[tile])}
              />
            </div>
            {model.status === 'ok' ? (
              <>
                <div className="delivery-tile-figure">
                  <p className="delivery-tile-value" data-testid="tile-value">
                    {show(model.value)}
                  </p>
                  {weeks !== null && (
                    <svg
                      className="delivery-sparkline"
                      viewBox="-2 -2 84 28"
                      width="84"
                      height="28"
                      aria-hidden="true"
                    >
                      {sparklineSegments(
                        weeks.map((week) => periodValue(tile, week)),
                        80,
                        24,
                      ).map((points) => (
                        <polyline key={points} points={points} />
                      ))}
                    </svg>
                  )}
                </div>
                {details(tile).map((line) => (
                  <p key={line} className="delivery-tile-detail">
                    {line}
                  </p>
                ))}
                {model.tooFew !== null && (
                  <p className="delivery-tile-state" data-testid="tile-too-few">
                    <strong>{strings.status.tooFew}</strong> {strings.tooFewNote(model.tooFew)}
                  </p>
                )}
                <p className="delivery-tile-band" data-band={model.band?.band ?? 'none'}>
                  {model.band === null
                    ? strings.noBand
                    : `${strings.band[model.band.band]} · ${strings.reference.source(model.band.source)}`}
                </p>
              </>
            ) : (
              <div className="delivery-tile-state" data-testid="tile-state">
                <strong>{strings.status[model.status]}</strong>
                {/* The service's reason, rendered from its code and parameters in the hub's language. */}
                <span data-testid="tile-state-message">
                  {strings.statusMessage[model.status](tileStatusContext(statusBase, figures, model))}
                </span>
              </div>
            )}
          </article>
        );
      })}
    </section>
  );
}
