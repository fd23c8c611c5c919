import type { SprintStrings } from './en.ts';

/** スプリントのタブ（日本語）。 */
export const sprintJa: SprintStrings = {
  tabTitle: '成果目標',
  heading: (sprint) => `成果目標 · ${sprint}`,
  dates: (from, to) => `${from} 〜 ${to}`,
  phase: {
    notStarted: 'まだ始まっていません',
    running: (remaining) => `残り ${remaining} 稼働日`,
    ended: 'スプリント終了：最終判定',
  },
  chooseSprint: 'スプリント',
  loading: 'スプリントの目標を読み込んでいます…',
  noSprints:
    'このチームには日付のあるスプリントがありません。目標を設定するには、チームのイテレーションに開始日と終了日を設定してください。',
  goalHeading: 'スプリントゴール',
  noGoal: 'スプリントゴールはまだ書かれていません。',
  goalItems: (count) => `ゴールの作業項目：${count} 件`,
  targetsHeading: '目標と達成の見込み',
  noTargets: 'このスプリントには成果目標が設定されていません。',
  method: '確率の求め方',
  kind: {
    goalItemsDone: 'ゴールの項目がすべて完了',
    itemsFinished: '完了したアイテム数',
    serviceLevel: '期限内に完了したアイテムの割合',
    noItemOlderThan: '古いアイテムを残さない',
    wipCeiling: '仕掛り（WIP）の上限',
    deploymentDaysPerWeek: '週あたりのデプロイ日数',
    changeFailureRate: '変更失敗率の上限',
    leadTimeForChanges: '変更のリードタイム（中央値）の上限',
    recoveryTime: '復旧時間（中央値）の上限',
  },
  describe: (target) => {
    switch (target.kind) {
      case 'goalItemsDone':
        return 'スプリント終了までにゴールの項目をすべて完了';
      case 'itemsFinished':
        return `${target.atLeast} 件以上を完了`;
      case 'serviceLevel':
        return `完了したアイテムの ${target.percent}% が ${target.withinDays} 日以内`;
      case 'noItemOlderThan':
        return `終了時に ${target.days} 日より古い進行中アイテムを残さない`;
      case 'wipCeiling':
        return `仕掛りを常に ${target.atMost} 件以下に保つ`;
      case 'deploymentDaysPerWeek':
        return `週 ${target.atLeast} 日以上デプロイする`;
      case 'changeFailureRate':
        return `変更失敗率を ${target.atMostPercent}% 以下に保つ`;
      case 'leadTimeForChanges':
        return `変更のリードタイムの中央値を ${target.medianAtMostHours} 時間以下にする`;
      case 'recoveryTime':
        return `復旧時間の中央値を ${target.medianAtMostHours} 時間以下にする`;
    }
  },
  current: (target, value) => {
    switch (target.kind) {
      case 'goalItemsDone':
        return `ゴールの項目 ${value} 件が完了`;
      case 'itemsFinished':
        return `これまでに ${value} 件完了`;
      case 'serviceLevel':
        return `これまで ${value}% が ${target.withinDays} 日以内`;
      case 'noItemOlderThan':
        return `このままだと終了時の最古：${value} 日`;
      case 'wipCeiling':
        return `これまでの最大：${value} 件`;
      case 'deploymentDaysPerWeek':
        return `これまでの中央値：週 ${value} 日`;
      case 'changeFailureRate':
        return `これまで ${value}%`;
      case 'leadTimeForChanges':
      case 'recoveryTime':
        return `これまでの中央値：${value} 時間`;
    }
  },
  probability: (percent) => `達成の見込み ${percent}`,
  met: '達成',
  missed: '未達',
  metNow: '現時点で達成',
  notMetYet: 'まだ未達',
  tooFew: '判断するには少なすぎます：この数字のもとになるアイテムが 5 件未満です。',
  unavailable: {
    noHistory: '見込みを判断できる完了済みの仕事が振り返り期間にありません。',
    noDeliveryData: 'このチームの本番デプロイが見つかりません。',
    noGoalItems: 'ゴールの作業項目が選ばれていません。',
  },
  levers: 'これらを終えると見込みが最も上がります：',
  lever: (id, percent) => `#${id}（期限内に終わる確率 ${percent}）`,
  historyLabel: (kind) => `スプリント中の「${kind}」の日ごとの見込み`,
  edit: '目標を編集',
  editHeading: 'このスプリントの成果目標を設定',
  onlyAdministrators: '目標はチーム管理者が設定します。メンバーはここで確認できます。',
  goalText: 'スプリントゴール（チームの言葉で）',
  goalItemIds: 'ゴールの作業項目 ID（カンマ区切り）',
  addTarget: '目標を追加',
  removeTarget: '削除',
  targetKind: '目標',
  parameters: {
    atLeast: '最低',
    percent: '割合（%）',
    withinDays: '日数以内',
    days: '日数',
    atMost: '上限',
    atMostPercent: '上限（%）',
    medianAtMostHours: '中央値の上限（時間）',
  },
  save: '目標を保存',
  cancel: 'キャンセル',
  saving: '保存しています…',
  saved: '目標を保存しました。',
  refusedNote:
    '個人ごとの目標、作業時間、出勤、活動量、ストーリーポイントは目標にできません。成果ではなく人を測るものだからです。',
  errors: {
    target_refused: 'この目標は保存できません。成果ではなく人や活動量を測るものです。',
    invalid_parameter: (detail) => `入力内容を確認してください：${detail}`,
    forbidden: '目標を変更できるのは、チーム管理者（またはプロジェクト管理者）だけです。',
    not_found: 'このスプリントはもうチームのイテレーションにありません。',
    generic: '処理を完了できませんでした。しばらくしてからもう一度お試しください。',
  },
  warnings: {
    serviceLevelLongerThanSprint:
      'この日数はスプリントより長いため、スプリント中に始めたアイテムでは判定できません。',
  },
  review: {
    heading: 'スプリントレビュー',
    pending: 'レビューはスプリント終了後に開きます。判定は最終日の翌日に確定します。',
    verdict: { met: '達成', missed: '未達', notJudged: '判定なし', pending: '判定待ち' },
    firstDayOdds: (percent) => `初日の見込み：${percent}`,
    reason: '未達の理由',
    saveReasons: '理由を保存',
    reasonsSaved: '理由を保存しました。',
    keep: 'Keep（続けること）',
    problem: 'Problem（問題）',
    try: 'Try（試すこと）',
    fromData: 'データから',
    teamNotes: 'チームのメモ（1 行に 1 つ）',
    saveNotes: 'レビューを保存',
    exportMarkdown: 'Markdown で書き出す',
    entry: (key, parameters, kindName) => {
      switch (key) {
        case 'targetMet':
          return `目標を達成：${kindName(String(parameters['target']))}（${parameters['current']}）`;
        case 'targetMissed':
          return `目標が未達：${kindName(String(parameters['target']))}（${parameters['current']}）`;
        case 'scopeAdded':
          return `スプリント開始後に ${parameters['items']} 件が追加されました（全 ${parameters['total']} 件）`;
        case 'carriedOverTwice':
          return `${parameters['items']} 件が 2 回持ち越されました`;
        case 'itemsRemoved':
          return `${parameters['items']} 件がスプリントから外されました`;
        case 'tryFinishOldest':
          return '朝会で最も古いアイテムに全員で取り組む';
        case 'tryLimitAdded':
          return 'スプリント途中で入ってくる仕事の受け入れ方を決める';
        case 'trySplitCarriedOver':
          return '2 回持ち越したアイテムを分割するか、やめる';
        default:
          return key;
      }
    },
  },
  scope: {
    heading: 'スプリントのスコープ',
    baselineNote: 'スプリント開始時点の項目を基準に数えます。外した項目も合計に残ります。',
    teamFlowNote:
      'イテレーションの履歴を同期中です。目標はスプリント期間中に動いたチームの項目で数えています。',
    origin: {
      planned: '計画どおり',
      added: '開始後に追加',
      carriedOver: '前スプリントから持ち越し',
      carriedOverTwice: '2 スプリント連続で持ち越し',
    },
    removed: '外した',
    total: 'スコープ（合計）',
    tooFewToJudge: '項目が少なく判断できません（5 件未満）。',
    removedHeading: 'スプリントから外した項目',
    removedOn: (day) => `${day} に外しました`,
    noneRemoved: 'スプリントから外した項目はありません。',
  },
  suggestions: {
    heading: 'チームの直近のスプリントからの提案',
    suggested: (value) => `提案: ${value}`,
    metIn: (metIn, of) => `直近 ${of} スプリント中 ${metIn} 回達成`,
    tooFewToJudge: '項目が少なく判断できません',
    use: '使う',
    // The button's visible word comes first, so its accessible name contains it as a word (WCAG 2.5.3).
    useLabel: (kind) => `使う（「${kind}」に提案の値を入れる）`,
    addSuggested: (kind) => `使う（「${kind}」を提案の値で追加する）`,
    none: 'まだ提案はありません（終了したスプリントがありません）。',
  },
  history: {
    heading: 'これまでのスプリント',
    none: '判定済みの目標があるスプリントはまだありません。',
    calibration: (met, of, from) =>
      `初日に ${from}〜${from + 10}% と示した ${of} 件の目標のうち、${met} 件が達成されました。`,
    downloadCsv: 'CSV をダウンロード',
    columns: { sprint: 'スプリント', target: '目標', verdict: '判定', odds: '初日の見込み' },
  },
};
