import type { DeliveryStrings } from './en.ts';
import type { StatusContext } from './keys.ts';

const listed = (values: readonly (string | number)[]): string =>
  values.length === 0 ? 'なし' : values.join('、');
const whose = (c: StatusContext): string =>
  c.team === null ? `プロジェクト「${c.project}」` : `チーム「${c.team.name}」`;
const incidentRule = (c: StatusContext): string => {
  const types = c.incidentTypes.join(' または ');
  return c.incidentTag === null
    ? `種類が ${types} の作業項目すべて`
    : `タグ「${c.incidentTag}」の付いた ${types} の作業項目`;
};

/** デリバリーハブの日本語文字列。 */
export const deliveryJa: DeliveryStrings = {
  title: 'デリバリー',
  heading: (scope: string) => `デリバリー · ${scope}`,
  wholeProject: 'プロジェクト全体',
  scopeLabel: '対象',
  range: '期間',
  preset: (count: number) => `過去 ${count} 日`,
  timeZone: (zone: string) => `日付は ${zone} 基準`,
  syncedAt: (when: string) => `${when} 時点のデータ`,
  notSynced: 'まだ同期されていません',
  loading: 'デリバリー指標を読み込んでいます…',
  errorTitle: '指標を読み込めませんでした。',
  retry: '再試行',
  teamNotMapped:
    'このチームには、プロジェクトのデリバリー設定でパイプラインもリポジトリも割り当てられていません。',
  tiles: {
    deploymentFrequency: 'デプロイ頻度',
    leadTimeForChanges: '変更のリードタイム',
    changeFailureRate: '変更失敗率',
    recoveryTime: 'デプロイ失敗からの復旧時間',
    reworkRate: '手戻り率',
  },
  chart: { showTable: '表で表示', showChart: 'チャートで表示', downloadCsv: 'CSV をダウンロード' },
  rangeDays: '期間',
  tilesLabel: 'デリバリー指標',
  deploymentDaysPerWeek: (value: string) => `週あたりデプロイ日数 ${value} 日（中央値）`,
  deploymentsPerDay: (value: string, count: number) => `1 日あたり ${value} 回 · デプロイ ${count} 回`,
  median: (value: string) => `中央値 ${value}`,
  p85: (value: string) => `85 パーセンタイル ${value}`,
  changesCount: (count: number) => `変更 ${count} 件`,
  parts: { coding: 'コーディング', review: 'レビュー', waiting: 'デプロイ待ち', direct: '直接コミット' },
  failedOf: (failed: number, total: number) => `デプロイ ${total} 回のうち ${failed} 回でインシデント発生`,
  deploymentFailureRate: (rate: string) => `デプロイ失敗率 ${rate}`,
  restored: (count: number) => `復旧したインシデント ${count} 件`,
  openIncidents: (count: number) => `未解決 ${count} 件`,
  reworkOf: (count: number, total: number) => `デプロイ ${total} 回のうち手戻り ${count} 回`,
  band: { elite: 'エリート帯', high: '高帯', medium: '中帯', low: '低帯' },
  bandNote: '参考の帯です。文脈としてのみ示し、チームの順位付けには使いません。',
  noBand: 'この指標には DORA の参考帯がありません。',
  status: {
    noDeploymentRecords: 'デプロイの記録がまだありません',
    noProductionEnvironment: '本番環境が指定されていません',
    noDeployments: 'この期間に本番デプロイがありません',
    noIncidents: 'インシデントが定義されていないか、記録がありません',
    noneRestored: '復旧したインシデントはまだありません',
    noChanges: 'デプロイに結び付けられた変更がありません',
    tooFew: 'デプロイが少なすぎて判断できません',
  },
  statusMessage: {
    noDeploymentRecords: (c: StatusContext) =>
      c.team === null
        ? `プロジェクト「${c.project}」のデプロイ記録がありません。YAML の環境、クラシックリリース、パイプラインのステージのいずれからも同期されていません。`
        : `チーム「${c.team.name}」に割り当てたパイプライン（ビルド定義 ${listed(c.team.buildDefinitionIds)}、リリース定義 ${listed(c.team.releaseDefinitionIds)}）のデプロイ記録がありません。`,
    noProductionEnvironment: (c: StatusContext) =>
      `${whose(c)}のデプロイに本番向けのものがありません。/${c.environmentPattern}/i に一致する環境・リリースステージも、` +
      `/${c.stagePattern}/i に一致するパイプラインステージもありません（見つかったデプロイ先: ${listed(c.targetNamesSeen)}）。` +
      'プロジェクトのデリバリー設定で本番環境を指定してください。',
    noDeployments: (c: StatusContext) =>
      `${c.from} から ${c.to} までに完了した${whose(c)}の成功した本番デプロイはありません。`,
    noIncidents: (c: StatusContext) =>
      `${c.from} から ${c.to} までに完了した${whose(c)}の成功した本番デプロイに帰属するインシデント（${incidentRule(c)}）はありません。`,
    noneRestored: (c: StatusContext) =>
      `インシデント ${listed(c.openIncidentIds)} はまだ解決していません。${c.from} から ${c.to} までに復旧したものはありません。`,
    noChanges: (c: StatusContext) =>
      `${c.from} から ${c.to} までの成功した本番デプロイ ${c.successfulDeployments} 回に、` +
      `${c.team === null ? '' : `チーム「${c.team.name}」に割り当てたリポジトリの`}変更（プルリクエストまたはコミット）を結び付けられませんでした。`,
    noTeam: (c: StatusContext) =>
      `スプリントはチームのイテレーションです。.../projects/${c.project}/teams/{team}/delivery/trend を参照してください。`,
    noSprints: (c: StatusContext) =>
      `チーム「${c.team?.name ?? ''}」には、この期間に重なる日付付きのイテレーションがありません。`,
  },
  tooFewNote: (count: number) =>
    `成功したデプロイは ${count} 回のみです。この回数での比率はあまり意味を持ちません。`,
  units: {
    minutes: (value: string) => `${value} 分`,
    hours: (value: string) => `${value} 時間`,
    days: (value: string) => `${value} 日`,
  },
  trend: {
    title: '週ごとの推移',
    subtitle: (figure: string) => `${figure}（月曜〜日曜の週）`,
    figure: '指標',
    week: '週',
    value: '値',
    noValue: '値なし',
    perSprint: 'スプリントごと',
    sprint: 'スプリント',
    keyboardHint: '矢印キーで週を移動します。',
  },
  pending: {
    title: '新しい本番の指定で再計算しています…',
    detail: (since: string) =>
      `${since} に本番の指定が変わりました。どのデプロイが本番かに左右される指標は、同期の実行後に更新されます。それまでの値は確定値ではありません。`,
  },
  reference: {
    title: 'DORA の参考帯',
    source: (source: string) => `出典: ${source}`,
    measure: '尺度',
    elite: 'エリート',
    high: '高',
    medium: '中',
    low: '低',
    measures: {
      deploymentFrequency: '週あたりのデプロイ日数（中央値）',
      leadTimeForChanges: '変更のリードタイム（中央値）',
      changeFailureRate: '変更失敗率',
      failedDeploymentRecoveryTime: 'デプロイ失敗からの復旧時間（中央値）',
    },
    cells: {
      deploymentFrequency: {
        elite: '5 日以上（オンデマンド）',
        high: '1 日以上',
        medium: '月に 1 日以上',
        low: 'それ未満',
      },
      leadTimeForChanges: { elite: '1 日未満', high: '1 週間未満', medium: '1 か月未満', low: '1 か月以上' },
      changeFailureRate: { elite: '5% 以下', high: '10% 以下', medium: '15% 以下', low: '15% 超' },
      failedDeploymentRecoveryTime: {
        elite: '1 時間未満',
        high: '1 日未満',
        medium: '1 週間未満',
        low: '1 週間以上',
      },
    },
  },
  calendar: {
    title: 'デプロイカレンダー',
    subtitle: (zone: string) => `${zone} 基準の 1 日ごとの本番デプロイ`,
    nonWorkingNote: '網掛けの日は稼働日ではありません（チームの週の休み、祝日、会社の休日、チームの休日）。',
    offDays: (count: number) =>
      count === 0 ? 'この期間に祝日・休日はありません。' : `この期間の祝日・休日: ${count} 日`,
    reasons: {
      weekend: '週末',
      nationalHoliday: '祝日',
      companyHoliday: '会社の休日',
      teamDayOff: 'チームの休日',
    },
    marks: { weekend: '', nationalHoliday: '祝', companyHoliday: '社', teamDayOff: '休' },
    offLabel: (reason: string, name: string | null) => (name === null ? reason : `${reason}: ${name}`),
    weekdays: ['月', '火', '水', '木', '金', '土', '日'],
    day: (day: string, succeeded: number, failed: number) =>
      `${day}: 成功 ${succeeded} 回、失敗 ${failed} 回`,
    legendSucceeded: 'デプロイあり',
    legendFailed: '失敗したデプロイ',
    legendWeekend: '週末',
    legendHoliday: (mark: string, reason: string) => `${mark} ${reason}`,
    partial: (shown: number, total: number) =>
      `デプロイ ${total} 回のうち最初の ${shown} 回を表示しています。`,
  },
  drill: {
    title: 'ドリルダウン',
    deployments: 'デプロイ',
    changes: '変更',
    incidents: 'インシデント',
    previous: '前のページ',
    next: '次のページ',
    page: (from: number, to: number, total: number) => `${total} 行中 ${from}〜${to} 行`,
    empty: 'この期間には何もありません。',
    downloadCsv: 'CSV をダウンロード（全行）',
  },
  columns: {
    finished: '完了',
    pipeline: 'パイプライン',
    target: '環境またはステージ',
    outcome: '結果',
    changes: '変更',
    incidents: 'インシデント',
    run: '実行',
    change: '変更',
    repository: 'リポジトリ',
    deployed: 'デプロイ',
    leadTime: 'リードタイム',
    coding: 'コーディング',
    review: 'レビュー',
    waiting: '待ち',
    workItems: '作業項目',
    incident: 'インシデント',
    created: '作成',
    completed: '完了',
    attribution: '帰属先',
    recovery: '復旧',
  },
  outcome: {
    succeeded: '成功',
    succeededWithIssues: '問題ありで成功',
    failed: '失敗',
    canceled: 'キャンセル',
    notRun: '未実行',
    inProgress: '実行中',
    unknown: '不明',
  },
  attribution: {
    artifactLink: 'Azure DevOps のリンク',
    explicitLink: 'タグ',
    lastBefore: '直前のデプロイ',
    noDeploymentBefore: '未帰属: それ以前のデプロイがありません',
    linkedDeploymentNotFound: '未帰属: リンク先のデプロイが見つかりません',
  },
  settings: {
    title: 'デリバリー設定',
    note: '何を本番とみなすか、何をインシデントとするか、どのパイプラインとリポジトリがどのチームのものかは、プロジェクト管理者が決めます。',
    environments: '本番環境（正規表現）',
    stages: '本番ステージ（正規表現）',
    preview: {
      title: 'このルールで選ばれるもの',
      loading: '同期済みのデプロイを確認しています…',
      failed: (reason: string) => `プレビューを読み込めませんでした: ${reason}`,
      invalid: '有効な正規表現を入力すると、選ばれるものが表示されます。',
      selects: (targets: number, deployments: number, successful: number) =>
        `デプロイ先 ${targets} 件、デプロイ ${deployments} 回（成功 ${successful} 回）`,
      saved: (targets: number, deployments: number) =>
        `保存済みのルール: デプロイ先 ${targets} 件、デプロイ ${deployments} 回`,
      none: '同期済みのデプロイ先でこのルールに一致するものはありません。',
      unchanged: '保存済みの設定と同じ本番の指定です。',
      added: (names: string) => `新たに選ばれるもの: ${names}`,
      removed: (names: string) => `選ばれなくなるもの: ${names}`,
      more: (count: number) => `ほか ${count} 件`,
      recomputes:
        '保存すると、各本番デプロイに含まれる変更を再計算します。同期が終わるまで、指標にはその旨が表示されます。',
      unmatched: (count: number) => `一致しないデプロイ先 ${count} 件: `,
      columns: {
        target: 'デプロイ先',
        kind: '種類',
        deployments: 'デプロイ',
        successful: '成功',
        latest: '最近のデプロイ',
      },
      kind: { environment: '環境', releaseEnvironment: 'リリースステージ', stage: 'ステージ' },
      newlySelected: '新規',
      shown: (shown: number, total: number) => `${total} 件中 ${shown} 件を表示しています。`,
    },
    incidentTypes: 'インシデントの作業項目の種類（カンマ区切り）',
    incidentTag: 'インシデントのタグ（空欄: この種類の項目はすべて）',
    teams: 'チームの割り当て',
    team: 'チーム',
    pipelines: 'ビルドパイプライン（定義 ID、カンマ区切り）',
    releases: 'クラシックリリースパイプライン（定義 ID、カンマ区切り）',
    pipelineKind: { build: 'ビルド', release: 'リリース' },
    repositories: 'リポジトリ（ID、カンマ区切り）',
    addTeam: 'チームを割り当てる',
    remove: '削除',
    save: '設定を保存',
    saved: '設定を保存しました。',
    invalid: (field: string) => `入力を確認してください: ${field}`,
    optionsPipelines: (names: string) => `パイプライン: ${names}`,
  },
};
