import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_IDS, HELP_TOPIC_FOR_CHART } from '../../../../extension/src/help/chartTopics.ts';
import { HELP_TOPIC_IDS, helpContent } from '../../../../extension/src/help/index.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const extensionSource = resolve(import.meta.dirname, '../../../../extension/src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(directory, entry.name))
      : entry.name.endsWith('.tsx')
        ? [join(directory, entry.name)]
        : [],
  );
}

describe('help from each chart’s title', () => {
  it.each(CHART_IDS)('chart %s opens a topic written in English and Japanese', (chart) => {
    const topic = HELP_TOPIC_FOR_CHART[chart];
    expect(HELP_TOPIC_IDS).toContain(topic);
    const english = helpContent('en')[topic];
    const japanese = helpContent('ja')[topic];
    expect(english.title.length).toBeGreaterThan(0);
    expect(english.sections.length).toBeGreaterThan(0);
    expect(japanese.title).toMatch(JAPANESE);
    expect(japanese.sections.length).toBe(english.sections.length);
  });

  it('gives every chart card a chart id, and every drawn chart a title with its help', () => {
    const files = sourceFiles(extensionSource);
    const drawing = files.filter((file) => /<(UPlotChart|OddsLine)\b/.test(readFileSync(file, 'utf8')));
    expect(drawing.length).toBeGreaterThan(5);
    for (const file of drawing) {
      const text = readFileSync(file, 'utf8');
      expect(/<ChartCard\b|<ChartHelp\b/.test(text), relative(extensionSource, file)).toBe(true);
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const cards = text.match(/<ChartCard\b[^>]*?>/gs) ?? [];
      for (const card of cards) expect(card, relative(extensionSource, file)).toMatch(/\bchartId=/);
    }
  });
});
