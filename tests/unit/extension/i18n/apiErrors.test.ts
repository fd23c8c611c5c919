import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../../../service/src/contract/index.ts';
import { SeikaApiError } from '../../../../extension/src/api/seikaClient.ts';
import { apiErrorSentence, apiErrorText } from '../../../../extension/src/i18n/apiErrors.ts';
import type { Language } from '../../../../extension/src/i18n/locale.ts';

const refusedRole = new SeikaApiError(
  'Only team administrators of "Web" may change its targets.',
  403,
  'requires_team_administrator',
);
const badParameter = new SeikaApiError(
  'Query parameter "from" must be a date.',
  400,
  'invalid_parameter',
  'from',
);
const holidayField = new SeikaApiError(
  'Holiday 3: "end" must be a calendar day.',
  422,
  'invalid_day',
  'holidays.2.end',
);

describe('apiErrorText', () => {
  it.each<[string, unknown, Language, string]>([
    [
      'English keeps the server message',
      refusedRole,
      'en',
      'Only team administrators of "Web" may change its targets.',
    ],
    [
      'Japanese words the code',
      refusedRole,
      'ja',
      'この操作はチームの管理者（またはプロジェクトの管理者）のみが行えます。',
    ],
    [
      'Japanese names the offending parameter',
      badParameter,
      'ja',
      'リクエストの値が正しくありません。値を直してもう一度お試しください。（項目: from）',
    ],
    [
      'English with the parameter keeps the message',
      badParameter,
      'en',
      'Query parameter "from" must be a date.',
    ],
    [
      'a nested field path is shown as sent',
      holidayField,
      'ja',
      '日付は YYYY-MM-DD の形（例: 2026-12-29）で入力してください。（項目: holidays.2.end）',
    ],
    [
      'English falls back to the table when the server sent no message',
      new SeikaApiError('', 404, 'not_found'),
      'en',
      'This was not found in Seika; check the team or sprint, or wait for the next synchronisation.',
    ],
    [
      'a network failure in Japanese shows its code',
      new SeikaApiError('The Seika service at https://x could not be reached.', 0, 'network_error'),
      'ja',
      'Seika サービスに接続できませんでした。ネットワークを確かめて、もう一度お試しください。（コード: network_error）',
    ],
    [
      'a network failure in English keeps the client message',
      new SeikaApiError('The Seika service at https://x could not be reached.', 0, 'network_error'),
      'en',
      'The Seika service at https://x could not be reached.',
    ],
    [
      'an unknown code in Japanese is generic with the code and status',
      new SeikaApiError('The Seika service answered 502 Bad Gateway.', 502, 'http_error'),
      'ja',
      'Seika サービスがエラーを返しました。しばらくしてからもう一度お試しください。（コード: http_error、HTTP 502）',
    ],
    [
      'an unknown code in English keeps the message and shows the code',
      new SeikaApiError('Something new.', 409, 'brand_new_code'),
      'en',
      'Something new. (code: brand_new_code, HTTP 409)',
    ],
    [
      'an error that is not the API’s, in Japanese',
      new TypeError('answer.figures is undefined'),
      'ja',
      '予期しないエラーが発生しました。ページを再読み込みしてください。（詳細: answer.figures is undefined）',
    ],
    ['a thrown string, in English', 'boom', 'en', 'Something unexpected went wrong; reload the page. (boom)'],
  ])('%s', (_name, error, language, expected) => {
    expect(apiErrorText(error, language)).toBe(expected);
  });
});

describe('the API error tables', () => {
  it.each(API_ERROR_CODES.map((code) => [code]))('%s has an English and a Japanese sentence', (code) => {
    const english = apiErrorSentence(code, 'en');
    const japanese = apiErrorSentence(code, 'ja');
    expect(english).toMatch(/^[A-Z].*[.!]$/);
    // Japanese sentences are written in Japanese (kana or kanji), not copied English.
    expect(japanese).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(japanese).toMatch(/。$/);
  });
});
