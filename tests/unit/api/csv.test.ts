import { describe, expect, it } from 'vitest';
import { attachmentDisposition, csvField, toCsv } from '../../../service/src/api/csv.ts';
import { csvFilename } from '../../../service/src/api/flow/csvExports.ts';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    ['', ''],
    ['日本語のタイトル', '日本語のタイトル'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as numbers (negative ones untouched) and null as an empty field', () => {
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, has a header row and ends every record with CRLF', () => {
    const rows = [
      { id: 1, title: 'a, b' },
      { id: 2, title: null },
    ];
    const text = toCsv(
      [
        { header: 'ID', value: (row: (typeof rows)[number]) => row.id },
        { header: 'Title', value: (row: (typeof rows)[number]) => row.title },
      ],
      rows,
    );
    expect(text).toBe('\uFEFFID,Title\r\n1,"a, b"\r\n2,\r\n');
  });

  it('has just the header for no rows', () => {
    expect(toCsv([{ header: 'ID', value: () => 1 }], [])).toBe('\uFEFFID\r\n');
  });
});

describe('file names', () => {
  it('keeps Japanese names in filename* and gives ASCII a fallback', () => {
    expect(attachmentDisposition('seika-aging_開発チーム_2026-05-01_2026-05-31.csv')).toBe(
      'attachment; filename="seika-aging_______2026-05-01_2026-05-31.csv"; ' +
        "filename*=UTF-8''seika-aging_%E9%96%8B%E7%99%BA%E3%83%81%E3%83%BC%E3%83%A0_2026-05-01_2026-05-31.csv",
    );
    expect(attachmentDisposition('a "quoted" (name).csv')).toBe(
      `attachment; filename="a _quoted_ (name).csv"; filename*=UTF-8''a%20%22quoted%22%20%28name%29.csv`,
    );
  });

  it('names the export after the endpoint, team and range without path characters', () => {
    const meta = {
      organization: 'o',
      project: 'p',
      team: 'Web/Team: "A"',
      from: '2026-05-01',
      to: '2026-05-31',
      timeZone: 'UTC',
      filters: { workItemTypes: [], tags: [], tagMatch: 'any' as const, areaPath: null },
      itemCount: 0,
      syncedAt: null,
    };
    expect(csvFilename('cycle-time', meta)).toBe('seika-cycle-time_Web_Team_ _A__2026-05-01_2026-05-31.csv');
  });
});
