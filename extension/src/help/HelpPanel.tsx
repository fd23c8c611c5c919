import { useEffect, useRef, useState } from 'react';
import type { Language } from '../i18n/locale.ts';
import { helpContent } from './index.ts';
import { HELP_GROUP_OF, HELP_TOPIC_IDS, type HelpGroup, type HelpTopicId } from './topics.ts';

const GROUP_TITLES: Record<Language, Record<HelpGroup, string>> = {
  en: {
    flow: 'Flow',
    delivery: 'Delivery',
    targets: 'Targets and insights',
    administration: 'For administrators',
  },
  ja: { flow: 'フロー', delivery: 'デリバリー', targets: '目標と改善施策', administration: '管理者向け' },
};
const LABELS: Record<Language, { title: string; close: string; example: string; topics: string }> = {
  en: { title: 'Seika help', close: 'Close help', example: 'Worked example', topics: 'Help topics' },
  ja: { title: 'Seika ヘルプ', close: 'ヘルプを閉じる', example: '計算例', topics: 'ヘルプの項目' },
};
const GROUPS: readonly HelpGroup[] = ['flow', 'delivery', 'targets', 'administration'];

interface HelpPanelProps {
  language: Language;
  /** The topic to open on; the panel's list switches between topics. */
  topic: HelpTopicId;
  onClose: () => void;
}

/** Built-in help beside the hub: every topic by group, the chosen one in full, closed with Escape. */
export function HelpPanel({ language, topic, onClose }: HelpPanelProps) {
  const [shown, setShown] = useState<HelpTopicId>(topic);
  const panel = useRef<HTMLElement>(null);
  const content = helpContent(language)[shown];
  const labels = LABELS[language];
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => setShown(topic), [topic]);
  useEffect(() => {
    // Focus moves into the panel when it opens and back to what opened it (a "?") when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected === true) opener.focus();
    };
  }, []);
  return (
    <aside
      className="seika-help"
      role="dialog"
      aria-modal="false"
      aria-labelledby="seika-help-title"
      tabIndex={-1}
      ref={panel}
    >
      <header className="seika-help-header">
        <h2 id="seika-help-title">{labels.title}</h2>
        <button type="button" className="seika-help-close" onClick={onClose} aria-label={labels.close}>
          ×
        </button>
      </header>
      <nav aria-label={labels.topics} className="seika-help-nav">
        {GROUPS.map((group) => (
          <div key={group}>
            <h3>{GROUP_TITLES[language][group]}</h3>
            <ul>
              {HELP_TOPIC_IDS.filter((id) => HELP_GROUP_OF[id] === group).map((id) => (
                <li key={id}>
                  <button
                    type="button"
                    className="seika-help-topic"
                    aria-current={id === shown ? 'true' : undefined}
                    onClick={() => setShown(id)}
                  >
                    {helpContent(language)[id].title}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <article className="seika-help-article" data-topic={shown}>
        <h3>{content.title}</h3>
        <p className="seika-help-summary">{content.summary}</p>
        {content.sections.map((section) => (
          <section key={section.heading}>
            <h4>{section.heading}</h4>
            {section.body.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section.example !== undefined ? (
              <div className="seika-help-example">
                <p className="seika-help-example-title">{labels.example}</p>
                <ol>
                  {section.example.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </div>
            ) : null}
          </section>
        ))}
      </article>
    </aside>
  );
}

/** The "?" that opens the panel on a topic (beside a chart's title, or in a hub's header). */
export function HelpButton({
  language,
  onOpen,
  label,
  chart,
}: {
  language: Language;
  onOpen: () => void;
  label: string;
  /** The chart whose title it sits beside (see chartTopics.ts). */
  chart?: string;
}) {
  return (
    <button
      type="button"
      className="seika-help-button"
      onClick={onOpen}
      aria-label={`${LABELS[language].title}: ${label}`}
      data-chart={chart}
    >
      ?
    </button>
  );
}
