import type { ReferenceTable } from '../../../../../service/src/contract/delivery/status.ts';
import { HelpButton } from '../../../help/HelpPanel.tsx';
import { languageOf } from '../../../i18n/locale.ts';
import type { DeliveryStrings } from '../strings/en.ts';

/**
 * The DORA reference bands the service answers, with their source: context, not a ranking. The rows and
 * their order are the answer's; each cell's text comes from the string tables by row and band, so the
 * table reads in the hub's language (the English table equals the contract's, checked by a unit test).
 */
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
              <tr key={row.figure} data-figure={row.figure}>
                <th scope="row">{r.measures[row.figure]}</th>
                <td>{r.cells[row.figure].elite}</td>
                <td>{r.cells[row.figure].high}</td>
                <td>{r.cells[row.figure].medium}</td>
                <td>{r.cells[row.figure].low}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
