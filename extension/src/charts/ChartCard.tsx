import { useState, type ReactNode } from 'react';
import { downloadCsv } from '../format/csv.ts';
import { ChartHelp } from '../help/ChartHelp.tsx';
import type { ChartId } from '../help/chartTopics.ts';

export interface ChartCardStrings {
  showTable: string;
  showChart: string;
  downloadCsv: string;
}

interface ChartCardProps {
  /** Which chart this is: its title's "?" opens the help topic chartTopics.ts maps it to. */
  chartId: ChartId;
  title: string;
  /** One line under the title: what is measured, over which days. */
  subtitle?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** File name and content of the CSV of what is shown; no button when absent. */
  csv?: () => { fileName: string; content: string };
  controls?: ReactNode;
  strings: ChartCardStrings;
  testId?: string;
}

/** A chart with its title, a chart/table switch and a CSV download: the frame every flow chart sits in. */
export function ChartCard({
  chartId,
  title,
  subtitle,
  chart,
  table,
  csv,
  controls,
  strings,
  testId,
}: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="seika-card" data-testid={testId} data-chart={chartId} aria-label={title}>
      <div className="seika-card-head">
        <div className="seika-card-titles">
          <div className="seika-card-title-row">
            <h2 className="seika-card-title">{title}</h2>
            <ChartHelp chart={chartId} title={title} />
          </div>
          {subtitle !== undefined && <div className="secondary-text seika-card-subtitle">{subtitle}</div>}
        </div>
        <div className="seika-card-actions">
          {controls}
          <button
            type="button"
            className="seika-button"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {asTable ? strings.showChart : strings.showTable}
          </button>
          {csv && (
            <button
              type="button"
              className="seika-button"
              onClick={() => {
                const { fileName, content } = csv();
                downloadCsv(fileName, content);
              }}
            >
              {strings.downloadCsv}
            </button>
          )}
        </div>
      </div>
      {asTable ? table : chart}
    </section>
  );
}
