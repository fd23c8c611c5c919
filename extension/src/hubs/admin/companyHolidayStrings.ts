import type { CompanyHolidayErrorCode } from '../../../../service/src/contract/calendar/workingCalendar.ts';
import type { Language } from '../../i18n/locale.ts';

export interface CompanyHolidayTexts {
  heading: string;
  note: string;
  first: string;
  last: string;
  name: string;
  actions: string;
  none: string;
  add: string;
  remove: (name: string) => string;
  suggest: string;
  suggestedName: string;
  saving: string;
  saved: string;
  range: (first: string, last: string) => string;
  errors: Record<CompanyHolidayErrorCode, string>;
  holiday: (number: number, problem: string) => string;
}

export const COMPANY_HOLIDAY_TEXT: Record<Language, CompanyHolidayTexts> = {
  en: {
    heading: 'Company holidays',
    note: 'Days the whole organization is closed. Every team’s sprint working days leave them out, and the Delivery calendar shows them.',
    first: 'First day',
    last: 'Last day',
    name: 'Name',
    actions: 'Actions',
    none: 'No company holidays yet.',
    add: 'Add holiday',
    remove: (name) => `Remove ${name}`,
    suggest: 'Add New Year (29 Dec – 3 Jan)',
    suggestedName: 'New Year',
    saving: 'Saving…',
    saved: 'Saved.',
    range: (first, last) => (first === last ? first : `${first} – ${last}`),
    errors: {
      too_many_holidays: 'At most 100 company holidays can be kept; remove past ones first.',
      invalid_day: 'Enter both days as dates.',
      start_after_end: 'The first day is after the last day.',
      holiday_too_long: 'A holiday may span at most 31 days; split longer closures.',
      name_required: 'Give the holiday a name.',
      name_too_long: 'The name may have at most 100 characters.',
    },
    holiday: (number, problem) => `Holiday ${number}: ${problem}`,
  },
  ja: {
    heading: '会社の休日',
    note: '組織全体が休む日です。各チームのスプリントの稼働日から除かれ、デリバリーのカレンダーにも表示されます。',
    first: '開始日',
    last: '終了日',
    name: '名前',
    actions: '操作',
    none: '会社の休日はまだありません。',
    add: '休日を追加',
    remove: (name) => `${name} を削除`,
    suggest: '年末年始（12/29〜1/3）を追加',
    suggestedName: '年末年始',
    saving: '保存しています…',
    saved: '保存しました。',
    range: (first, last) => (first === last ? first : `${first} 〜 ${last}`),
    errors: {
      too_many_holidays: '会社の休日は 100 件までです。過ぎた休日を先に削除してください。',
      invalid_day: '開始日と終了日を日付で入力してください。',
      start_after_end: '開始日が終了日より後になっています。',
      holiday_too_long: '1 件の休日は 31 日までです。長い休業は分けて入力してください。',
      name_required: '休日の名前を入力してください。',
      name_too_long: '名前は 100 文字までです。',
    },
    holiday: (number, problem) => `休日 ${number}: ${problem}`,
  },
};
