/**
 * The service's error codes in the reader's language. English readers see the server's own message (it
 * names the value and the fix); Japanese readers see this table's sentence for the code, with the field
 * the server named, so nobody reads the server's English as the main text.
 */
import type { ApiErrorCode } from '../../../service/src/contract/index.ts';
import { isApiErrorCode } from '../../../service/src/contract/index.ts';
import { SeikaApiError } from '../api/seikaClient.ts';
import type { Language } from './locale.ts';

type ApiErrorTable = Record<ApiErrorCode, string>;

const en: ApiErrorTable = {
  invalid_parameter: 'A value in the request is not valid; correct it and try again.',
  invalid_json: 'The request was not sent as JSON; reload the page and try again.',
  bad_request: 'The service refused the request; reload the page and try again.',
  not_found: 'This was not found in Seika; check the team or sprint, or wait for the next synchronisation.',
  forbidden: "The team's settings do not let you do this; ask a team administrator.",
  internal_error: 'Seika failed to answer; try again shortly. The error was logged.',
  missing_token: 'Seika received no sign-in from Azure DevOps; reload the page.',
  token_expired: 'Your sign-in has expired; reload the page.',
  invalid_token: 'Seika could not verify your sign-in; reload the page.',
  missing_user: 'Seika could not tell who you are; reload the page.',
  missing_user_token: 'Azure DevOps sent no access token for you; reload the page.',
  user_token_refused: 'Azure DevOps refused your access token; reload the page.',
  user_mismatch: 'Your Azure DevOps sign-in changed; reload the page.',
  not_organization_member: 'You are not a member of this organization.',
  organization_instance_mismatch:
    'This organization was re-created since it was connected; an organization administrator must reconnect it.',
  organization_needs_reconnect:
    "Azure DevOps refused Seika's personal access token; an organization administrator must reconnect the organization.",
  requires_collection_administrator: 'Only Project Collection Administrators may do this.',
  requires_project_administrator: 'Only project administrators may do this.',
  requires_team_administrator: 'Only team administrators (or project administrators) may do this.',
  project_not_visible: 'You cannot see this project in Azure DevOps.',
  azure_devops_unavailable: 'Seika could not check your access with Azure DevOps; try again shortly.',
  organization_not_connected:
    'This organization is not connected to Seika; an organization administrator can connect it.',
  missing_organization: 'The page did not say which organization it runs in; reload the page.',
  invalid_organization_url: 'Enter the organization URL as https://dev.azure.com/{organization}.',
  unreachable: 'Azure DevOps could not be reached at that URL; check it and try again.',
  not_azure_devops: 'What answered at that URL is not Azure DevOps; check the URL.',
  credentials_refused:
    'Azure DevOps refused the personal access token; check it has not expired or been revoked.',
  not_authorized: 'Azure DevOps says you may not do this in that organization.',
  insufficient_scopes:
    'The personal access token lacks a scope Seika needs; create one with the listed scopes.',
  pat_wrong_organization:
    'The personal access token belongs to another organization; create one in this organization.',
  organization_name_taken: 'An organization with this name is already connected.',
  no_current_sprint: 'The team has no sprint covering today; set the team’s iteration dates in Azure DevOps.',
  no_sprint_dates: 'The sprint has no start or end date; set its dates in Azure DevOps.',
  unsupported_team_field: 'The team is scoped by a custom team field, which Seika does not support yet.',
  team_not_mapped:
    "The team has no pipelines or repositories mapped; map them in the project's delivery settings.",
  target_refused: 'A target that measures people is refused; set targets about outcomes of the team.',
  invalid_week_start: "The week must be a Monday of the team's weeks, not one still to come.",
  digest_url_refused: 'Use a Slack or Microsoft Teams incoming-webhook URL.',
  too_many_holidays: 'At most 100 holiday ranges can be saved; remove some.',
  invalid_day: 'Write days as YYYY-MM-DD (for example 2026-12-29).',
  start_after_end: 'A holiday starts after it ends; swap its days.',
  holiday_too_long: 'A holiday range may span at most 31 days; split longer closures.',
  name_required: 'Give the holiday a name.',
  name_too_long: 'A holiday name may have at most 100 characters.',
  unauthorized: 'The credentials were not accepted.',
  rejected: 'The request was refused.',
  app_token_failed: 'The preview could not sign you in; restart it.',
  extension_not_built: 'The hubs are not built; run "npm run build:extension".',
};

const ja: ApiErrorTable = {
  invalid_parameter: 'リクエストの値が正しくありません。値を直してもう一度お試しください。',
  invalid_json: 'リクエストが JSON として送られませんでした。ページを再読み込みしてもう一度お試しください。',
  bad_request: 'サービスがリクエストを受け付けませんでした。ページを再読み込みしてもう一度お試しください。',
  not_found: 'Seika に見つかりません。チームやスプリントを確かめるか、次の同期をお待ちください。',
  forbidden: 'チームの設定により、この操作はできません。チーム管理者にご相談ください。',
  internal_error:
    'Seika が応答できませんでした。しばらくしてからもう一度お試しください（エラーは記録されました）。',
  missing_token: 'Azure DevOps からサインイン情報が届きませんでした。ページを再読み込みしてください。',
  token_expired: 'サインインの有効期限が切れました。ページを再読み込みしてください。',
  invalid_token: 'サインインを確認できませんでした。ページを再読み込みしてください。',
  missing_user: '利用者を特定できませんでした。ページを再読み込みしてください。',
  missing_user_token: 'Azure DevOps のアクセス トークンが届きませんでした。ページを再読み込みしてください。',
  user_token_refused: 'Azure DevOps がアクセス トークンを拒否しました。ページを再読み込みしてください。',
  user_mismatch: 'Azure DevOps のサインインが変わりました。ページを再読み込みしてください。',
  not_organization_member: 'この組織のメンバーではありません。',
  organization_instance_mismatch:
    'この組織は接続後に作り直されています。組織の管理者が再接続する必要があります。',
  organization_needs_reconnect:
    'Azure DevOps が Seika の個人用アクセス トークン（PAT）を拒否しました。組織の管理者が再接続する必要があります。',
  requires_collection_administrator: 'この操作は Project Collection Administrators のみが行えます。',
  requires_project_administrator: 'この操作はプロジェクトの管理者のみが行えます。',
  requires_team_administrator: 'この操作はチームの管理者（またはプロジェクトの管理者）のみが行えます。',
  project_not_visible: 'Azure DevOps でこのプロジェクトを閲覧する権限がありません。',
  azure_devops_unavailable:
    'Azure DevOps で権限を確認できませんでした。しばらくしてからもう一度お試しください。',
  organization_not_connected: 'この組織は Seika に接続されていません。組織の管理者が接続できます。',
  missing_organization: 'ページが組織を伝えませんでした。ページを再読み込みしてください。',
  invalid_organization_url: '組織の URL は https://dev.azure.com/{組織名} の形で入力してください。',
  unreachable: 'その URL の Azure DevOps に接続できませんでした。URL を確かめてもう一度お試しください。',
  not_azure_devops: 'その URL で応答したのは Azure DevOps ではありません。URL を確かめてください。',
  credentials_refused:
    'Azure DevOps が個人用アクセス トークン（PAT）を拒否しました。有効期限切れや取り消しがないか確かめてください。',
  not_authorized: 'Azure DevOps によると、その組織でこの操作を行う権限がありません。',
  insufficient_scopes:
    '個人用アクセス トークン（PAT）に Seika が必要とするスコープがありません。示されたスコープで作り直してください。',
  pat_wrong_organization:
    '個人用アクセス トークン（PAT）は別の組織のものです。この組織で作成したトークンを入力してください。',
  organization_name_taken: 'この名前の組織はすでに接続されています。',
  no_current_sprint:
    'チームに今日を含むスプリントがありません。Azure DevOps でイテレーションの日付を設定してください。',
  no_sprint_dates: 'スプリントに開始日または終了日がありません。Azure DevOps で日付を設定してください。',
  unsupported_team_field:
    'このチームはカスタムのチーム フィールドで範囲が決められており、Seika はまだ対応していません。',
  team_not_mapped:
    'チームにパイプラインまたはリポジトリが対応付けられていません。プロジェクトのデリバリー設定で対応付けてください。',
  target_refused: '人を測る目標は設定できません。チームの成果についての目標にしてください。',
  invalid_week_start: '週はチームの週の月曜日で、これから来る週ではない日を指定してください。',
  digest_url_refused: 'Slack または Microsoft Teams の受信 Webhook の URL を入力してください。',
  too_many_holidays: '保存できる休日は 100 件までです。いくつか削除してください。',
  invalid_day: '日付は YYYY-MM-DD の形（例: 2026-12-29）で入力してください。',
  start_after_end: '休日の開始日が終了日より後です。日付を入れ替えてください。',
  holiday_too_long: '休日の期間は 31 日までです。長い休業は分けて登録してください。',
  name_required: '休日に名前を付けてください。',
  name_too_long: '休日の名前は 100 文字までです。',
  unauthorized: '資格情報が受け付けられませんでした。',
  rejected: 'リクエストは拒否されました。',
  app_token_failed: 'プレビューでサインインできませんでした。プレビューを再起動してください。',
  extension_not_built: 'ハブがビルドされていません。「npm run build:extension」を実行してください。',
};

const TABLES: Record<Language, ApiErrorTable> = { en, ja };

/** The table's sentence for a code (what the Japanese hubs show; tests compare against it). */
export function apiErrorSentence(code: ApiErrorCode, language: Language): string {
  return TABLES[language][code];
}

/** The field the server named, after the sentence: 「（項目: from）」. */
function withParameter(sentence: string, parameter: string | undefined, language: Language): string {
  if (parameter === undefined || parameter === '') return sentence;
  return language === 'ja' ? `${sentence}（項目: ${parameter}）` : `${sentence} (field: ${parameter})`;
}

/** Failures without a code of the service: the network, or an answer that was not Seika's JSON error. */
function genericText(error: unknown, language: Language): string {
  if (error instanceof SeikaApiError && error.code === 'network_error') {
    return language === 'ja'
      ? 'Seika サービスに接続できませんでした。ネットワークを確かめて、もう一度お試しください。（コード: network_error）'
      : error.message;
  }
  if (error instanceof SeikaApiError) {
    const status = error.status > 0 ? `, HTTP ${error.status}` : '';
    return language === 'ja'
      ? `Seika サービスがエラーを返しました。しばらくしてからもう一度お試しください。（コード: ${error.code}${status.replace(', ', '、')}）`
      : `${error.message} (code: ${error.code}${status})`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return language === 'ja'
    ? `予期しないエラーが発生しました。ページを再読み込みしてください。（詳細: ${detail}）`
    : `Something unexpected went wrong; reload the page. (${detail})`;
}

/**
 * What to show for a failed call: in English the server's message (it is more specific), in Japanese the
 * table's sentence for the code with the offending field; a generic sentence with the code otherwise.
 */
export function apiErrorText(error: unknown, language: Language): string {
  if (!(error instanceof SeikaApiError) || !isApiErrorCode(error.code)) return genericText(error, language);
  if (language === 'en' && error.message.trim() !== '') return error.message;
  return withParameter(apiErrorSentence(error.code, language), error.parameter, language);
}
