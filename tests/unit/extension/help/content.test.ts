import { describe, expect, it } from 'vitest';
import { DELIVERY_ENDPOINTS } from '../../../../service/src/api/delivery/endpoints.ts';
import { FLOW_ENDPOINTS } from '../../../../service/src/api/flow/endpoints.ts';
import {
  HELP_GROUP_OF,
  HELP_TOPIC_FOR_ENDPOINT,
  HELP_TOPIC_IDS,
  helpContent,
} from '../../../../extension/src/help/index.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const en = helpContent('en');
const ja = helpContent('ja');

describe('built-in help', () => {
  it('has every topic in English and Japanese with the same sections and examples', () => {
    for (const id of HELP_TOPIC_IDS) {
      const english = en[id];
      const japanese = ja[id];
      expect(japanese.sections.length, id).toBe(english.sections.length);
      english.sections.forEach((section, index) => {
        const other = japanese.sections[index];
        expect(other?.body.length, `${id} section ${index}`).toBe(section.body.length);
        expect(other?.example?.length, `${id} example ${index}`).toBe(section.example?.length);
      });
      expect(Object.keys(HELP_GROUP_OF)).toContain(id);
    }
  });

  it('writes the Japanese topics in Japanese and the English ones in English', () => {
    for (const id of HELP_TOPIC_IDS) {
      const texts = (content: typeof en) => [
        content[id].title,
        content[id].summary,
        ...content[id].sections.flatMap((section) => [
          section.heading,
          ...section.body,
          ...(section.example ?? []),
        ]),
      ];
      for (const text of texts(ja)) expect(text, `${id}: ${text}`).toMatch(JAPANESE);
      // English may name the Japanese term in brackets, e.g. “sprint goal (スプリントゴール)”.
      for (const text of texts(en))
        expect(text.replace(/\([^)]*\)/g, ''), `${id}: ${text}`).not.toMatch(JAPANESE);
    }
  });

  it('explains every flow and delivery figure the API serves', () => {
    const paths = [...Object.values(FLOW_ENDPOINTS), ...Object.values(DELIVERY_ENDPOINTS)].map(
      (endpoint) => endpoint.path,
    );
    expect(paths.filter((path) => HELP_TOPIC_FOR_ENDPOINT[path] === undefined)).toEqual([]);
  });

  it('states the definitions as the metric definitions do', () => {
    expect(en.cycleTime.sections[1]?.body.join(' ')).toContain('Cycle time = completion day − start day + 1');
    expect(en.cycleTime.sections[1]?.body.join(' ')).toContain('ceil(p/100 × n)');
    expect(ja.cycleTime.sections[1]?.body.join(' ')).toContain('完了日 − 着手日 + 1');
    expect(en.changeFailureRate.sections[0]?.body.join(' ')).toContain(
      'Failed pipeline runs are not incidents',
    );
    expect(en.deploymentFrequency.sections[0]?.body.join(' ')).toContain('Monday to Sunday');
  });

  it('keeps the purpose statement free of any promise Seika cannot keep: no individual evaluation', () => {
    expect(en.purposeStatement.sections[1]?.body.join(' ')).toContain(
      'not used for personnel evaluation of individuals',
    );
    expect(ja.purposeStatement.sections[1]?.body.join(' ')).toContain(
      '個人の人事評価に用いることはありません',
    );
  });
});
