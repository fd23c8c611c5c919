import { HELP_TOPIC_FOR_CHART, type ChartId } from './chartTopics.ts';
import { useHelpOpener } from './helpContext.ts';
import { HelpButton } from './HelpPanel.tsx';

/** The "?" beside a chart's title: opens the hub's help panel on the chart's topic, named after the chart. */
export function ChartHelp({ chart, title }: { chart: ChartId; title: string }) {
  const opener = useHelpOpener();
  if (opener === null) return null;
  return (
    <HelpButton
      language={opener.language}
      label={title}
      chart={chart}
      onOpen={() => opener.open(HELP_TOPIC_FOR_CHART[chart])}
    />
  );
}
