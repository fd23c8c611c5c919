import type { Language } from '../../i18n/locale.ts';

/** The widget's own words; the targets' wording comes from the Outcomes tab's strings (targets/strings). */
const en = {
  title: 'Sprint outcomes',
  loading: 'Loading the sprint’s targets…',
  daysLeft: (remaining: number) => `${remaining} working ${remaining === 1 ? 'day' : 'days'} left`,
  notStarted: 'Starts soon',
  ended: 'Sprint ended',
  goal: 'Goal',
  noGoal: 'No sprint goal written yet.',
  chance: 'Chance',
  more: (count: number) => `and ${count} more`,
  tooFew: 'Too few to judge (fewer than 5)',
  noCurrentSprint: 'No current sprint',
  noCurrentSprintHint: 'Give the team a sprint with dates that include today to see its targets here.',
  noTargets: 'No targets set for this sprint',
  noTargetsHint: 'The team’s administrators set them in the Outcomes tab.',
  notConnected: 'Seika is not connected to this organization',
  notConnectedHint: 'An organization administrator connects it in Organization settings › Seika.',
  failed: 'The sprint’s targets could not be loaded',
  openOutcomes: 'Open the Outcomes tab',
  setTargets: 'Set targets in the Outcomes tab',
  allMet: 'Every target is met today',
  allMetHint: 'The widget shows only targets not met yet; the Outcomes tab has them all.',
  configShow: 'Targets to show',
  configAll: 'All targets',
  configNotMet: 'Only targets not met yet',
};
export type WidgetStrings = typeof en;

const ja: WidgetStrings = {
  title: 'スプリントの成果',
  loading: 'スプリントの目標を読み込んでいます…',
  daysLeft: (remaining: number) => `残り ${remaining} 稼働日`,
  notStarted: 'まもなく開始',
  ended: 'スプリント終了',
  goal: 'ゴール',
  noGoal: 'スプリントゴールはまだ書かれていません。',
  chance: '見込み',
  more: (count: number) => `ほか ${count} 件`,
  tooFew: '判断するには少なすぎます（5 未満）',
  noCurrentSprint: '現在のスプリントがありません',
  noCurrentSprintHint: '今日を含む日付のスプリントをチームに設定すると、ここに目標が表示されます。',
  noTargets: 'このスプリントの目標は未設定です',
  noTargetsHint: 'チームの管理者が「成果」タブで設定します。',
  notConnected: 'この組織は Seika に接続されていません',
  notConnectedHint: '組織の管理者が「組織の設定 › Seika」で接続します。',
  failed: 'スプリントの目標を読み込めませんでした',
  openOutcomes: '「成果」タブを開く',
  setTargets: '「成果」タブで目標を設定する',
  allMet: '今日の時点ですべての目標を達成しています',
  allMetHint: 'このウィジェットは未達成の目標だけを表示します。すべての目標は「成果」タブで確認できます。',
  configShow: '表示する目標',
  configAll: 'すべての目標',
  configNotMet: 'まだ達成していない目標だけ',
};

const byLanguage: Record<Language, WidgetStrings> = { en, ja };

export function widgetStrings(language: Language): WidgetStrings {
  return byLanguage[language];
}
