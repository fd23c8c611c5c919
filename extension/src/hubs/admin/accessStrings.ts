import type { Language } from '../../i18n/locale.ts';

/** The admin hub's words about who may do what (kept beside the hub, in both languages). */
export interface AccessStrings {
  notAdministratorTitle: string;
  refusedTitle: string;
  deleteDataLabel: (organization: string) => string;
  notAdministratorBody: (organization: string, user: string) => string;
  auditTitle: string;
  auditLoading: string;
  auditEmpty: string;
  auditFailed: string;
  auditColumns: { when: string; who: string; what: string; target: string; change: string };
  actions: Record<string, string>;
}

const en: AccessStrings = {
  notAdministratorTitle: 'Only organization administrators manage Seika',
  refusedTitle: 'Seika did not let you in here',
  deleteDataLabel: (organization) =>
    `Also delete all of ${organization}'s data from Seika (synced items, settings, targets, audit log); done within minutes`,
  notAdministratorBody: (organization, user) =>
    `${user}, connecting, disconnecting and following the synchronisation of ${organization} is for its Project Collection Administrators. Your teams' metrics are in Boards › Flow.`,
  auditTitle: 'Audit log',
  auditLoading: 'Loading the audit log…',
  auditEmpty: 'No changes yet.',
  auditFailed: 'The audit log could not be loaded',
  auditColumns: { when: 'When', who: 'Who', what: 'What', target: 'Where', change: 'Before → after' },
  actions: {
    'organization.connected': 'Connected the organization',
    'organization.reconnected': 'Reconnected (new PAT)',
    'organization.disconnected': 'Disconnected the organization',
    'team.flowSettings.changed': 'Changed team flow settings',
    'organization.companyHolidays.changed': 'Changed company holidays',
    'team.flowSettings.reset': 'Reset team flow settings',
    'team.sprintTargets.changed': 'Changed sprint targets',
    'team.sprintTargets.reset': 'Removed sprint targets',
    'project.deliverySettings.changed': 'Changed project delivery settings',
    'project.deliverySettings.reset': 'Reset project delivery settings',
  },
};

const ja: AccessStrings = {
  notAdministratorTitle: 'Seika の管理は組織の管理者のみが行えます',
  refusedTitle: 'このページを利用する権限がありません',
  deleteDataLabel: (organization) =>
    `${organization} のデータ（同期した項目、設定、目標、監査ログ）も Seika から削除する（数分以内に完了）`,
  notAdministratorBody: (organization, user) =>
    `${user} さん、${organization} の接続・切断と同期状況の確認は Project Collection Administrators のみが行えます。チームのメトリクスは Boards › Flow にあります。`,
  auditTitle: '監査ログ',
  auditLoading: '監査ログを読み込んでいます…',
  auditEmpty: '変更はまだありません。',
  auditFailed: '監査ログを読み込めませんでした',
  auditColumns: { when: '日時', who: '実行者', what: '操作', target: '対象', change: '変更前 → 変更後' },
  actions: {
    'organization.connected': '組織を接続',
    'organization.reconnected': '再接続（PAT を更新）',
    'organization.disconnected': '組織を切断',
    'team.flowSettings.changed': 'チームのフロー設定を変更',
    'organization.companyHolidays.changed': '会社の休日を変更',
    'team.flowSettings.reset': 'チームのフロー設定をリセット',
    'team.sprintTargets.changed': 'スプリント目標を変更',
    'team.sprintTargets.reset': 'スプリント目標を削除',
    'project.deliverySettings.changed': 'プロジェクトのデリバリー設定を変更',
    'project.deliverySettings.reset': 'プロジェクトのデリバリー設定をリセット',
  },
};

export const accessStrings: Record<Language, AccessStrings> = { en, ja };
