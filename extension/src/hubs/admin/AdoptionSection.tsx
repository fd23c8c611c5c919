import { useEffect, useState } from 'react';
import type { AdoptionResponse } from '../../../../service/src/contract/usage/adoption.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { downloadCsv, toCsv } from '../../format/csv.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Language } from '../../i18n/locale.ts';

type CheckId = AdoptionResponse['teams'][number]['checks'][number]['id'];
type Status = AdoptionResponse['teams'][number]['checks'][number]['status'];

interface Texts {
  heading: string;
  note: string;
  team: string;
  check: string;
  status: string;
  fix: string;
  none: string;
  csv: string;
  statuses: Record<Status, string>;
  checks: Record<CheckId, { name: string; figure: (value: number) => string; fix: string }>;
}

const TEXT: Record<Language, Texts> = {
  en: {
    heading: 'How teams use Azure DevOps',
    note: 'From data Seika already syncs, per team; each gap with its fix. “Unknown” means Seika does not hold the data yet.',
    team: 'Team',
    check: 'Check',
    status: 'Status',
    fix: 'Fix',
    none: 'No team is synchronised yet.',
    csv: 'Download CSV',
    statuses: { ok: 'OK', gap: 'Gap', unknown: 'Unknown' },
    checks: {
      wipLimits: {
        name: 'WIP limits on board columns',
        figure: (value) => `${value}% of in-progress columns limited`,
        fix: 'Set WIP limits on the board’s in-progress columns (Board settings › Columns).',
      },
      sprintCadence: {
        name: 'Sprint cadence',
        figure: (value) => `sprints of ${value} days`,
        fix: 'Give the team’s sprints start and finish dates of a regular length (Project settings › Team configuration › Iterations).',
      },
      workingCalendar: {
        name: 'Working days and days off entered',
        figure: (value) => `${value} ${value === 1 ? 'day' : 'days'} off in the current sprint`,
        fix: 'Tick the team’s working days (Team configuration › Working days) and enter the sprint’s team days off (Sprints › Capacity › Days off), so sprint odds count the days the team works.',
      },
      inProgressStates: {
        name: 'Items pass through an in-progress state',
        figure: (value) => `${value}% of finished items`,
        fix: 'Move items through an in-progress state before closing them, so cycle time can be measured.',
      },
      pullRequestLinks: {
        name: 'Pull requests linked to work items',
        figure: (value) => `${value}% of pull requests completed in the last 8 weeks`,
        fix: 'Link pull requests to work items (or require it with the branch policy “Check for linked work items”).',
      },
      productionMark: {
        name: 'Production marked',
        figure: () => '',
        fix: 'Mark which environments and stages are production in the project’s delivery settings.',
      },
      serviceHooks: {
        name: 'Service hooks delivering',
        figure: (value) => `last delivery ${value} days ago`,
        fix: 'Set the service’s public URL so Azure DevOps can notify Seika of changes.',
      },
    },
  },
  ja: {
    heading: 'チームごとの Azure DevOps の使い方',
    note: 'Seika が同期済みのデータから、チームごとに確認します。不足には直し方を示します。「不明」は Seika がまだデータを持っていないことを表します。',
    team: 'チーム',
    check: '確認項目',
    status: '状態',
    fix: '直し方',
    none: '同期済みのチームはまだありません。',
    csv: 'CSV をダウンロード',
    statuses: { ok: 'OK', gap: '不足', unknown: '不明' },
    checks: {
      wipLimits: {
        name: 'ボード列の WIP 制限',
        figure: (value) => `進行中の列の ${value}% に制限あり`,
        fix: 'ボードの進行中の列に WIP 制限を設定する（ボードの設定 › 列）。',
      },
      sprintCadence: {
        name: 'スプリントの周期',
        figure: (value) => `${value} 日のスプリント`,
        fix: 'チームのスプリントに一定の長さの開始日・終了日を設定する（プロジェクトの設定 › チーム構成 › イテレーション）。',
      },
      workingCalendar: {
        name: '稼働日と休日の入力',
        figure: (value) => `現在のスプリントの休日 ${value} 日`,
        fix: 'チームの稼働日を設定し（チーム構成 › 稼働日）、スプリントのチームの休日を入力する（スプリント › 容量 › 休日）。スプリントの見通しが実際に働く日で数えられます。',
      },
      inProgressStates: {
        name: '進行中の状態を経たアイテム',
        figure: (value) => `完了したアイテムの ${value}%`,
        fix: '完了にする前に進行中の状態を経由させ、サイクルタイムを測れるようにする。',
      },
      pullRequestLinks: {
        name: '作業項目に結び付いたプル リクエスト',
        figure: (value) => `直近 8 週間に完了したプル リクエストの ${value}%`,
        fix: 'プル リクエストを作業項目に結び付ける（ブランチ ポリシー「リンクされた作業項目を確認する」で必須にもできる）。',
      },
      productionMark: {
        name: '本番の指定',
        figure: () => '',
        fix: 'プロジェクトのデリバリー設定で、本番の環境とステージを指定する。',
      },
      serviceHooks: {
        name: 'サービス フックの配信',
        figure: (value) => `最後の配信は ${value} 日前`,
        fix: 'Azure DevOps から変更を通知できるよう、サービスの公開 URL を設定する。',
      },
    },
  },
};

/** Adoption checks (利用状況の分析) for organization administrators: one row per team and check. */
export function AdoptionSection({
  client,
  organization,
  language,
}: {
  client: SeikaClient;
  organization: string;
  language: Language;
}) {
  const text = TEXT[language];
  const [report, setReport] = useState<AdoptionResponse | null>(null);
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    client.getAdoption(organization, controller.signal).then(setReport, (caught: unknown) => {
      if (!controller.signal.aborted) setError({ caught });
    });
    return () => controller.abort();
  }, [client, organization]);
  const rows = (report?.teams ?? []).flatMap((team) =>
    team.checks.map((check) => ({ team: `${team.project} / ${team.team}`, check })),
  );
  const figureOf = (check: (typeof rows)[number]['check']) =>
    check.figure === null ? '' : text.checks[check.id].figure(check.figure);
  const exportCsv = () => {
    downloadCsv(
      `seika-adoption-${organization}.csv`,
      toCsv(
        [text.team, text.check, text.status, text.fix],
        rows.map(({ team, check }) => [
          team,
          text.checks[check.id].name,
          [text.statuses[check.status], figureOf(check)].filter((part) => part !== '').join(': '),
          check.status === 'gap' ? text.checks[check.id].fix : '',
        ]),
      ),
    );
  };
  return (
    <section
      className="flex-column rhythm-vertical-8"
      aria-labelledby="seika-adoption-title"
      data-testid="adoption"
    >
      <h2 id="seika-adoption-title" className="title-m seika-section-title">
        {text.heading}
      </h2>
      <p className="secondary-text">{text.note}</p>
      {error !== null ? <p role="alert">{apiErrorText(error.caught, language)}</p> : null}
      {report !== null && rows.length === 0 ? <p>{text.none}</p> : null}
      {rows.length > 0 ? (
        <table className="seika-usage-table">
          <thead>
            <tr>
              <th scope="col">{text.team}</th>
              <th scope="col">{text.check}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.fix}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ team, check }) => (
              <tr key={`${team}-${check.id}`} data-check={check.id} data-status={check.status}>
                <th scope="row">{team}</th>
                <td>{text.checks[check.id].name}</td>
                <td>
                  {text.statuses[check.status]}
                  {check.figure === null ? null : ` (${figureOf(check)})`}
                </td>
                <td>{check.status === 'gap' ? text.checks[check.id].fix : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.length > 0 ? (
        <div>
          <button type="button" className="seika-usage-csv" onClick={exportCsv}>
            {text.csv}
          </button>
        </div>
      ) : null}
    </section>
  );
}
