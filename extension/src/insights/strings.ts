/**
 * Insight rules worded in English and Japanese, by rule id: what the team sees, the finding with its
 * figures, the experiment and how the team will know. The evidence's source is shown as the API names it.
 */
import type { Language } from '../i18n/locale.ts';

export type InsightRuleId =
  | 'AGE-1'
  | 'WIP-1'
  | 'CFD-1'
  | 'STB-1'
  | 'WAIT-1'
  | 'SLE-1'
  | 'CARRY-1'
  | 'SCOPE-1'
  | 'TGT-1'
  | 'DEP-1'
  | 'CFR-1'
  | 'MTTR-1'
  | 'RWK-1'
  | 'DQ-1';

type Figures = Readonly<Record<string, string | number>>;

export interface RuleText {
  title: string;
  finding: (figures: Figures) => string;
  experiment: string;
  howWeWillKnow: string;
}

const en: Record<InsightRuleId, RuleText> = {
  'AGE-1': {
    title: 'Items ageing past the 85th percentile',
    finding: (f) =>
      `${f['items']} in progress are older than ${f['p85Days']} days (the oldest: ${f['oldestDays']} days).`,
    experiment: 'At the daily meeting, swarm on the oldest items first: stop starting, start finishing.',
    howWeWillKnow: 'Fewer items past the 85th percentile at the end of the next sprint.',
  },
  'WIP-1': {
    title: 'WIP rising while throughput stays flat',
    finding: (f) =>
      `WIP went from ${f['wipBefore']} to ${f['wipNow']} while throughput stayed at ${f['throughputNow']} per two weeks.`,
    experiment: 'Set or lower WIP limits on the board’s in-progress columns.',
    howWeWillKnow: 'WIP back to its earlier level without throughput falling.',
  },
  'CFD-1': {
    title: 'More started than finished, week after week',
    finding: (f) =>
      `${f['arrivals']} items started and ${f['departures']} finished over ${f['weeks']} weeks.`,
    experiment: 'Agree a replenishment policy: start new work only when an item finishes.',
    howWeWillKnow: 'Arrivals and departures level out over the next 3 weeks.',
  },
  'STB-1': {
    title: 'Cycle time unstable',
    finding: (f) =>
      `Little’s Law expects ${f['littleLawDays']} days; items took ${f['measuredDays']} days on average (${f['gapPercent']}% apart).`,
    experiment: 'Review items that aged or were abandoned; close or split them, and keep the board current.',
    howWeWillKnow: 'The estimate and the measurement within 30% of each other.',
  },
  'WAIT-1': {
    title: 'Long time in waiting states',
    finding: (f) =>
      `Items spend ${f['sharePercent']}% of their time in ${f['state']}; flow efficiency is ${f['flowEfficiencyPercent']}%.`,
    experiment: 'Pair with the people downstream of the queue, or put a WIP limit on the waiting state.',
    howWeWillKnow: 'The waiting share falls.',
  },
  'SLE-1': {
    title: 'Expected cycle time longer than the sprint',
    finding: (f) => `85% of items take up to ${f['p85Days']} days; the sprint has ${f['sprintDays']}.`,
    experiment: 'Split anything the team expects to take longer than the sprint at refinement.',
    howWeWillKnow: '85th-percentile cycle time under the sprint length within two sprints.',
  },
  'CARRY-1': {
    title: 'Items carried over twice',
    finding: (f) => `${f['items']} items are in their third sprint.`,
    experiment: 'At planning, split or drop items that carried over twice.',
    howWeWillKnow: 'No item carried over twice at the next review.',
  },
  'SCOPE-1': {
    title: 'Scope added mid-sprint',
    finding: (f) => `${f['added']} items were added to ${f['planned']} planned (${f['sharePercent']}%).`,
    experiment: 'Protect the sprint goal: agree how work that arrives mid-sprint is taken in.',
    howWeWillKnow: 'Added scope under 30% of planned at the next review.',
  },
  'TGT-1': {
    title: 'A sprint target’s odds fell',
    finding: (f) =>
      `The odds of a target fell from ${f['weekAgoPercent']}% to ${f['nowPercent']}% this week.`,
    experiment:
      'Look at the items the target names as levers; decide together to finish them or change scope.',
    howWeWillKnow: 'The odds recover above 50%, or the target is renegotiated openly.',
  },
  'DEP-1': {
    title: 'Deployments getting rarer or bigger',
    finding: (f) => `Deployment days went from ${f['daysBefore']} to ${f['daysNow']} over four weeks.`,
    experiment: 'Smaller pull requests, trunk-based merging and an automated release step.',
    howWeWillKnow: 'Deployment days back up within 4 weeks.',
  },
  'CFR-1': {
    title: 'Change failure rate rising',
    finding: (f) =>
      `Deployments followed by an incident went from ${f['beforePercent']}% to ${f['nowPercent']}%.`,
    experiment: 'A blameless post-incident review; add a test or a deployment check for what failed.',
    howWeWillKnow: 'Failure rate back down over the next 4 weeks.',
  },
  'MTTR-1': {
    title: 'Recovery time rising',
    finding: (f) => `Median recovery went from ${f['beforeHours']} to ${f['nowHours']} hours.`,
    experiment: 'A rollback runbook and feature flags for risky changes.',
    howWeWillKnow: 'Median recovery back down over the next 4 weeks.',
  },
  'RWK-1': {
    title: 'Rework rising',
    finding: (f) => `Fix deployments went from ${f['beforePercent']}% to ${f['nowPercent']}% of deployments.`,
    experiment: 'Find the root cause of the top incidents behind the fixes.',
    howWeWillKnow: 'Rework share back down over the next 4 weeks.',
  },
  'DQ-1': {
    title: 'Data problems distort the figures',
    finding: (f) => `${f['flagged']} of ${f['checked']} items are flagged (${f['sharePercent']}%).`,
    experiment: 'Fix the workflow mapping and mark production in the delivery settings.',
    howWeWillKnow: 'Flagged share under 10% at the next check.',
  },
};

const ja: Record<InsightRuleId, RuleText> = {
  'AGE-1': {
    title: '85 パーセンタイルを超えて古くなっているアイテム',
    finding: (f) =>
      `進行中の ${f['items']} 件が ${f['p85Days']} 日より古くなっています（最古：${f['oldestDays']} 日）。`,
    experiment: '朝会で最も古いアイテムから全員で取り組む。新しく始めるより、終わらせることを優先する。',
    howWeWillKnow: '次のスプリント終了時に 85 パーセンタイルを超えるアイテムが減っている。',
  },
  'WIP-1': {
    title: 'スループットが変わらないまま WIP が増えている',
    finding: (f) =>
      `WIP が ${f['wipBefore']} から ${f['wipNow']} に増え、スループットは 2 週間で ${f['throughputNow']} 件のままです。`,
    experiment: 'ボードの進行中の列に WIP 制限を設ける、または下げる。',
    howWeWillKnow: 'スループットを落とさずに WIP が元の水準に戻る。',
  },
  'CFD-1': {
    title: '完了より着手が多い状態が続いている',
    finding: (f) =>
      `${f['weeks']} 週間で ${f['arrivals']} 件が着手され、${f['departures']} 件が完了しました。`,
    experiment: '補充のルールを決める：1 件終わったら 1 件始める。',
    howWeWillKnow: '次の 3 週間で着手と完了が釣り合う。',
  },
  'STB-1': {
    title: 'サイクルタイムが安定していない',
    finding: (f) =>
      `リトルの法則では ${f['littleLawDays']} 日のはずが、実際の平均は ${f['measuredDays']} 日です（差 ${f['gapPercent']}%）。`,
    experiment: '古くなった・放置されたアイテムを見直し、閉じるか分割する。ボードを最新に保つ。',
    howWeWillKnow: '見込みと実測の差が 30% 以内になる。',
  },
  'WAIT-1': {
    title: '待ち状態の時間が長い',
    finding: (f) =>
      `アイテムは時間の ${f['sharePercent']}% を「${f['state']}」で過ごしています。フロー効率は ${f['flowEfficiencyPercent']}% です。`,
    experiment: '待ちの後工程の担当とペアで作業する、または待ち状態に WIP 制限を設ける。',
    howWeWillKnow: '待ちの割合が下がる。',
  },
  'SLE-1': {
    title: '想定サイクルタイムがスプリントより長い',
    finding: (f) =>
      `85% のアイテムが最大 ${f['p85Days']} 日かかります。スプリントは ${f['sprintDays']} 日です。`,
    experiment: 'リファインメントで、スプリントより長くかかりそうなアイテムを分割する。',
    howWeWillKnow: '2 スプリント以内に 85 パーセンタイルのサイクルタイムがスプリントの長さを下回る。',
  },
  'CARRY-1': {
    title: '2 回持ち越されたアイテム',
    finding: (f) => `${f['items']} 件が 3 スプリント目に入っています。`,
    experiment: '計画の場で、2 回持ち越したアイテムを分割するか、やめる。',
    howWeWillKnow: '次のレビューで 2 回持ち越したアイテムがない。',
  },
  'SCOPE-1': {
    title: 'スプリント途中の追加',
    finding: (f) =>
      `計画 ${f['planned']} 件に対して ${f['added']} 件が追加されました（${f['sharePercent']}%）。`,
    experiment: 'スプリントゴールを守る：途中で入ってくる仕事の受け入れ方を決める。',
    howWeWillKnow: '次のレビューで追加が計画の 30% 未満になる。',
  },
  'TGT-1': {
    title: 'スプリント目標の見込みが下がった',
    finding: (f) =>
      `ある目標の見込みが今週 ${f['weekAgoPercent']}% から ${f['nowPercent']}% に下がりました。`,
    experiment: '目標が示すアイテムを見て、終わらせるかスコープを変えるかを皆で決める。',
    howWeWillKnow: '見込みが 50% を超えて戻る、または目標を話し合って見直す。',
  },
  'DEP-1': {
    title: 'デプロイが減っている・大きくなっている',
    finding: (f) => `4 週間のデプロイ日数が ${f['daysBefore']} 日から ${f['daysNow']} 日になりました。`,
    experiment: 'プルリクエストを小さくし、トランクベースでマージし、リリース作業を自動化する。',
    howWeWillKnow: '4 週間以内にデプロイ日数が戻る。',
  },
  'CFR-1': {
    title: '変更失敗率が上がっている',
    finding: (f) =>
      `インシデントにつながったデプロイが ${f['beforePercent']}% から ${f['nowPercent']}% になりました。`,
    experiment: '非難しない振り返りを行い、失敗した箇所にテストやデプロイ時のチェックを加える。',
    howWeWillKnow: '次の 4 週間で失敗率が下がる。',
  },
  'MTTR-1': {
    title: '復旧時間が長くなっている',
    finding: (f) => `復旧時間の中央値が ${f['beforeHours']} 時間から ${f['nowHours']} 時間になりました。`,
    experiment: 'ロールバック手順を用意し、リスクのある変更には機能フラグを使う。',
    howWeWillKnow: '次の 4 週間で復旧時間の中央値が下がる。',
  },
  'RWK-1': {
    title: '手戻りが増えている',
    finding: (f) => `修正のためのデプロイが ${f['beforePercent']}% から ${f['nowPercent']}% になりました。`,
    experiment: '修正の原因になった主なインシデントの根本原因を探る。',
    howWeWillKnow: '次の 4 週間で手戻りの割合が下がる。',
  },
  'DQ-1': {
    title: 'データの問題が数字をゆがめている',
    finding: (f) => `${f['checked']} 件中 ${f['flagged']} 件にフラグがあります（${f['sharePercent']}%）。`,
    experiment: 'ワークフローの対応付けを直し、デリバリー設定で本番を指定する。',
    howWeWillKnow: '次の確認でフラグの割合が 10% 未満になる。',
  },
};

const LABELS = {
  en: {
    heading: 'Insights this week',
    none: 'Nothing stands out this week.',
    experiment: 'Try',
    howWeWillKnow: 'How we will know',
    evidence: 'Evidence',
    items: 'Items behind it',
    note: 'Suggestions for the team, never about a person; at most three a week.',
    acknowledge: 'Acknowledge',
    dismiss: 'Dismiss…',
    makeExperiment: 'Make an experiment…',
    actionsFor: 'What the team does with this insight',
    dismissReason: 'Why dismiss it? (required)',
    experimentNote: 'The experiment in the team’s words',
    linkSprint: 'Link to the current sprint',
    submitDismiss: 'Dismiss',
    submitExperiment: 'Start the experiment',
    cancel: 'Cancel',
    reasonRequired: 'Say why the insight is dismissed.',
    actFailed: 'Could not save: ',
    weekRefused:
      'Seika did not take this week as one of the team’s insight weeks. Reload the page and act on this week’s insights.',
    readOnly: 'Team administrators can acknowledge, dismiss or experiment with insights.',
    status: {
      acknowledged: 'Acknowledged this week',
      dismissed: 'Dismissed this week',
      experiment: 'An experiment this week',
    },
    digestHeading: 'Weekly digest',
    digestNote:
      'Posts the week’s findings (at most three, addressed to the team) to the team’s Microsoft Teams or Slack incoming webhook, once a week.',
    digestKind: 'Where',
    digestUrl: 'Incoming webhook URL',
    digestSave: 'Save the digest',
    digestOff: 'Turn the digest off',
    digestCurrent: 'Posting to',
    digestNone: 'No digest is set up.',
    experimentsHeading: 'Experiments',
    experimentsNote:
      'Each is judged on its rule’s weekly measure with process behaviour chart signals (a point outside the baseline’s limits, eight in a row on one side, three of four near a limit), not by comparing averages.',
    since: 'since the week of',
    baseline: 'Baseline',
    after: 'Since',
    limits: 'Natural limits',
    verdict: {
      improved: 'Improved',
      worsened: 'Worsened',
      noSignal: 'No signal yet',
      tooFewPoints: 'Too few weeks to judge',
    },
    measure: {
      agingPastP85: 'items past the 85th percentile',
      meanWip: 'mean WIP',
      netArrivals: 'items started minus finished per week',
      littleLawGapPercent: 'gap between Little’s Law and measured cycle time, %',
      flowEfficiencyPercent: 'flow efficiency, %',
      cycleTimeP85Days: '85th-percentile cycle time, days',
      carriedOverTwice: 'items carried over twice',
      addedPercent: 'scope added mid-sprint, %',
      meanTargetProbabilityPercent: 'mean target probability, %',
      deploymentDays: 'deployment days per week',
      changeFailurePercent: 'change failure rate, %',
      medianRecoveryHours: 'median recovery time, hours',
      reworkPercent: 'rework deployments, %',
      flaggedPercent: 'items flagged by data checks, %',
    },
  },
  ja: {
    heading: '今週の改善施策',
    none: '今週は目立つ点はありません。',
    experiment: '試すこと',
    howWeWillKnow: '確かめ方',
    evidence: '根拠',
    items: '対象のアイテム',
    note: 'チームへの提案です。個人に向けることはありません。週に最大 3 件です。',
    acknowledge: '確認した',
    dismiss: '見送る…',
    makeExperiment: '実験にする…',
    actionsFor: 'この改善施策への対応',
    dismissReason: '見送る理由（必須）',
    experimentNote: 'チームの言葉で書いた実験の内容',
    linkSprint: '現在のスプリントに結び付ける',
    submitDismiss: '見送る',
    submitExperiment: '実験を始める',
    cancel: 'キャンセル',
    reasonRequired: '見送る理由を書いてください。',
    actFailed: '保存できませんでした: ',
    weekRefused:
      'この週はチームの改善施策の週として受け付けられませんでした。ページを再読み込みして今週の改善施策に対応してください。',
    readOnly: '確認・見送り・実験化はチーム管理者が行えます。',
    status: {
      acknowledged: '今週確認済み',
      dismissed: '今週見送り',
      experiment: '今週実験中',
    },
    digestHeading: '週次ダイジェスト',
    digestNote:
      '今週の改善施策（最大 3 件、チーム宛て）を、チームの Microsoft Teams または Slack の受信 Webhook に週 1 回投稿します。',
    digestKind: '投稿先',
    digestUrl: '受信 Webhook の URL',
    digestSave: 'ダイジェストを保存',
    digestOff: 'ダイジェストを止める',
    digestCurrent: '投稿先',
    digestNone: 'ダイジェストは設定されていません。',
    experimentsHeading: '実験',
    experimentsNote:
      '各実験は、ルールの週次の指標をプロセス挙動チャートのシグナル（基準期間の限界線の外の点、中心線の片側に 8 点連続、4 点中 3 点が限界線寄り）で判定します。平均の比較ではありません。',
    since: '開始週',
    baseline: '基準期間',
    after: '開始後',
    limits: '自然な変動の限界',
    verdict: {
      improved: '改善',
      worsened: '悪化',
      noSignal: 'まだシグナルなし',
      tooFewPoints: '判定には週が足りない',
    },
    measure: {
      agingPastP85: '85 パーセンタイルを超えたアイテム数',
      meanWip: '平均 WIP',
      netArrivals: '週の着手数 − 完了数',
      littleLawGapPercent: 'リトルの法則と実測サイクルタイムの差（%）',
      flowEfficiencyPercent: 'フロー効率（%）',
      cycleTimeP85Days: '85 パーセンタイルのサイクルタイム（日）',
      carriedOverTwice: '2 回持ち越したアイテム数',
      addedPercent: 'スプリント途中の追加（%）',
      meanTargetProbabilityPercent: '目標の平均達成確率（%）',
      deploymentDays: '週のデプロイ日数',
      changeFailurePercent: '変更失敗率（%）',
      medianRecoveryHours: '復旧時間の中央値（時間）',
      reworkPercent: '手戻りのデプロイ（%）',
      flaggedPercent: 'データ確認でフラグが付いたアイテム（%）',
    },
  },
} as const;

export type InsightLabels = (typeof LABELS)['en'] | (typeof LABELS)['ja'];

export function insightTexts(language: Language): {
  rules: Record<InsightRuleId, RuleText>;
  labels: InsightLabels;
} {
  return { rules: language === 'ja' ? ja : en, labels: LABELS[language] };
}
