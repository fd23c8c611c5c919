import type { ReferenceTable } from '../../../../../service/src/contract/delivery/status.ts';
import { HelpButton } from '../../../help/HelpPanel.tsx';
import { languageOf } from '../../../i18n/locale.ts';
import type { DeliveryStrings } from '../strings/en.ts';
import type { DeliveryTile } from '../strings/keys.ts';

const TILE_OF_FIGURE: Record<ReferenceTable['rows'][number]['figure'], DeliveryTile> = {
  deploymentFrequency: 'deploymentFrequency',
  leadTimeForChanges: 'leadTimeForChanges',
  changeFailureRate: 'changeFailureRate',
  failedDeploymentRecoveryTime: 'recoveryTime',
};

/** The DORA reference bands as the service answers them, with their source: context, not a ranking. */
export function ReferenceBands({
  table,
  strings,
  locale,
  onHelp,
}: {
  table: ReferenceTable;
  strings: DeliveryStrings;
  locale: string;
  onHelp: () => void;
}) {
  const r = strings.reference;
  return (
    <section className="seika-card" data-testid="reference" aria-labelledby="delivery-reference-title">
      <div className="seika-card-head">
        <h2 id="delivery-reference-title" className="seika-card-title">
          {r.title}
        </h2>
        <HelpButton language={languageOf(locale)} label={r.title} onOpen={onHelp} />
      </div>
      <p className="secondary-text">
        {strings.bandNote} {r.source(table.source)}
      </p>
      <div className="seika-table-wrap">
        <table className="seika-table">
          <caption className="seika-visually-hidden">{r.title}</caption>
          <thead>
            <tr>
              <th scope="col">{r.measure}</th>
              <th scope="col">{r.elite}</th>
              <th scope="col">{r.high}</th>
              <th scope="col">{r.medium}</th>
              <th scope="col">{r.low}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.figure}>
                <th scope="row">{strings.tiles[TILE_OF_FIGURE[row.figure]]}</th>
                <td>{row.elite}</td>
                <td>{row.high}</td>
                <td>{row.medium}</td>
                <td>{row.low}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
