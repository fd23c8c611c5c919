import { useEffect, useState } from 'react';
import type { UsageReport } from '../../../../service/src/contract/usage/usage.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { downloadCsv, toCsv } from '../../format/csv.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Language } from '../../i18n/locale.ts';

const TEXT = {
  en: {
    heading: 'How teams use Seika',
    note: 'Counts per team and week; no one is identified, and any count under 5 shows as “fewer than 5”.',
    team: 'Team',
    week: 'Week of',
    opens: 'Views opened',
    widgetLoads: 'Widget loads',
    viewers: 'Most viewers on a day',
    targets: 'Targets set',
    reviews: 'Reviews saved',
    insights: 'Insights acted on',
    fewer: 'fewer than 5',
    organizationLevel: '(organization)',
    none: 'No use recorded in these weeks yet.',
    csv: 'Download CSV',
  },
  ja: {
    heading: 'チームごとの利用状況',
    note: 'チーム・週ごとの件数です。個人は特定されず、5 未満の件数は「5 未満」と表示されます。',
    team: 'チーム',
    week: '週の開始日',
    opens: '画面を開いた回数',
    widgetLoads: 'ウィジェットの読み込み',
    viewers: '1 日の最大閲覧者数',
    targets: '目標の設定',
    reviews: 'レビューの保存',
    insights: '改善施策への対応',
    fewer: '5 未満',
    organizationLevel: '（組織）',
    none: 'この期間の利用はまだ記録されていません。',
    csv: 'CSV をダウンロード',
  },
} as const;

type Count = UsageReport['weeks'][number]['teams'][number]['peakDailyViewers'];

/** Usage analysis (利用状況の分析) for organization administrators: counts only, small ones suppressed. */
export function UsageSection({
  client,
  organization,
  language,
}: {
  client: SeikaClient;
  organization: string;
  language: Language;
}) {
  const text = TEXT[language];
  const [report, setReport] = useState<UsageReport | null>(null);
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    client.getUsageReport(organization, 4, controller.signal).then(setReport, (caught: unknown) => {
      if (!controller.signal.aborted) setError({ caught });
    });
    return () => controller.abort();
  }, [client, organization]);
  const show = (count: Count) => (count.fewerThanFive ? text.fewer : String(count.count ?? 0));
  const sum = (counts: readonly Count[]): Count => {
    if (counts.some((count) => count.fewerThanFive)) return { count: null, fewerThanFive: true };
    return { count: counts.reduce((total, count) => total + (count.count ?? 0), 0), fewerThanFive: false };
  };
  const opensOf = (team: UsageReport['weeks'][number]['teams'][number]) =>
    sum([
      team.counts.flowHubOpened,
      team.counts.deliveryHubOpened,
      team.counts.sprintTabOpened,
      team.counts.adminHubOpened,
    ]);
  const rows = (report?.weeks ?? []).flatMap((week) =>
    week.teams.map((team) => ({ week: week.weekStart, team })),
  );
  const exportCsv = () => {
    const header = [
      text.week,
      text.team,
      text.opens,
      text.widgetLoads,
      text.viewers,
      text.targets,
      text.reviews,
      text.insights,
    ];
    const lines = rows.map(({ week, team }) => [
      week,
      team.team === '' ? text.organizationLevel : `${team.project} / ${team.team}`,
      show(opensOf(team)),
      show(team.counts.widgetLoaded),
      show(team.peakDailyViewers),
      show(team.counts.targetsSet),
      show(team.counts.reviewSaved),
      show(team.counts.insightActed),
    ]);
    downloadCsv(`seika-usage-${organization}.csv`, toCsv(header, lines));
  };
  return (
    <section
      className="flex-column rhythm-vertical-8"
      aria-labelledby="seika-usage-title"
      data-testid="usage"
    >
      <h2 id="seika-usage-title" className="title-m seika-section-title">
        {text.heading}
      </h2>
      <p className="secondary-text">{text.note}</p>
      {error !== null ? <p role="alert">{apiErrorText(error.caught, language)}</p> : null}
      {report !== null && rows.length === 0 ? <p>{text.none}</p> : null}
      {rows.length > 0 ? (
        <table className="seika-usage-table">
          <thead>
            <tr>
              <th scope="col">{text.week}</th>
              <th scope="col">{text.team}</th>
              <th scope="col">{text.opens}</th>
              <th scope="col">{text.widgetLoads}</th>
              <th scope="col">{text.viewers}</th>
              <th scope="col">{text.targets}</th>
              <th scope="col">{text.reviews}</th>
              <th scope="col">{text.insights}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ week, team }) => (
              <tr key={`${week}-${team.project}-${team.team}`}>
                <td>{week}</td>
                <th scope="row">
                  {team.team === '' ? text.organizationLevel : `${team.project} / ${team.team}`}
                </th>
                <td>{show(opensOf(team))}</td>
                <td data-count="widgetLoaded">{show(team.counts.widgetLoaded)}</td>
                <td>{show(team.peakDailyViewers)}</td>
                <td>{show(team.counts.targetsSet)}</td>
                <td>{show(team.counts.reviewSaved)}</td>
                <td>{show(team.counts.insightActed)}</td>
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
