/**
 * The weekly digest's text (pure): addressed to the team, in its language, with at most three findings
 * by rule title and a link to the Flow hub. Findings name no item and no person; the hub holds the detail.
 */
import type { DigestKind, InsightsResponse } from '../../contract/insights/insights.ts';
import type { InsightRuleId } from '../../metrics/insights/index.ts';

export type DigestLanguage = 'en' | 'ja';

const TITLES: Record<InsightRuleId, Record<DigestLanguage, string>> = {
  'AGE-1': {
    en: 'Items ageing past the 85th percentile',
    ja: '85 パーセンタイルを超えて古くなっているアイテム',
  },
  'WIP-1': {
    en: 'WIP rising while throughput stays flat',
    ja: 'スループットが変わらないまま WIP が増えている',
  },
  'CFD-1': { en: 'More started than finished, week after week', ja: '完了より着手が多い状態が続いている' },
  'STB-1': { en: 'Cycle time unstable', ja: 'サイクルタイムが安定していない' },
  'WAIT-1': { en: 'Long time in waiting states', ja: '待ち状態の時間が長い' },
  'SLE-1': { en: 'Expected cycle time longer than the sprint', ja: '想定サイクルタイムがスプリントより長い' },
  'CARRY-1': { en: 'Items carried over twice', ja: '2 回持ち越されたアイテム' },
  'SCOPE-1': { en: 'Scope added mid-sprint', ja: 'スプリント途中の追加' },
  'TGT-1': { en: 'A sprint target’s odds fell', ja: 'スプリント目標の見込みが下がった' },
  'DEP-1': { en: 'Deployments getting rarer or bigger', ja: 'デプロイが減っている・大きくなっている' },
  'CFR-1': { en: 'Change failure rate rising', ja: '変更失敗率が上がっている' },
  'MTTR-1': { en: 'Recovery time rising', ja: '復旧時間が長くなっている' },
  'RWK-1': { en: 'Rework rising', ja: '手戻りが増えている' },
  'DQ-1': { en: 'Data problems distort the figures', ja: 'データの問題が数字をゆがめている' },
};

const WORDS: Record<
  DigestLanguage,
  { heading: (team: string, week: string) => string; none: string; footer: string }
> = {
  en: {
    heading: (team, week) => `Seika: insights for team ${team}, week of ${week}`,
    none: 'Nothing stands out this week.',
    footer:
      'Suggestions for the team, never about a person. Details, evidence and actions: Boards › Flow › Overview.',
  },
  ja: {
    heading: (team, week) => `Seika: チーム ${team} の今週の改善施策（${week} の週）`,
    none: '今週は目立つ点はありません。',
    footer: 'チームへの提案です。個人に向けることはありません。詳細・根拠・対応は Boards › Flow › 概要 で。',
  },
};

export interface DigestMessage {
  text: string;
  /** The JSON body the webhook expects. */
  body: Record<string, unknown>;
}

/** The digest for one team and week: a heading, at most three findings by title, and where to act. */
export function digestMessage(options: {
  kind: DigestKind;
  language: DigestLanguage;
  team: string;
  insights: Pick<InsightsResponse, 'weekStart' | 'findings'>;
}): DigestMessage {
  const words = WORDS[options.language];
  const findings = options.insights.findings.slice(0, 3);
  const lines = [words.heading(options.team, options.insights.weekStart), ''];
  if (findings.length === 0) lines.push(words.none);
  findings.forEach((finding, index) => {
    lines.push(`${index + 1}. ${TITLES[finding.ruleId][options.language]}`);
  });
  lines.push('', words.footer);
  const text = lines.join('\n');
  const title = words.heading(options.team, options.insights.weekStart);
  return {
    text,
    body:
      options.kind === 'slack'
        ? { text }
        : {
            '@type': 'MessageCard',
            '@context': 'https://schema.org/extensions',
            summary: title,
            title,
            text: lines.slice(2).join('\n\n'),
          },
  };
}
