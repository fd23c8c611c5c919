/** The bug ids the database joins into one text are read back digit by digit, and anything else is refused. */
import { describe, expect, it } from 'vitest';
import { idsOfList } from '../../../service/src/storage/sql/delivery/incidents.ts';

describe('idsOfList', () => {
  it.each([
    ['7', [7]],
    ['1,22,333', [1, 22, 333]],
    ['5,5,0', [5, 0]],
    ['9007199254740991', [Number.MAX_SAFE_INTEGER]],
  ])('reads %s', (list, ids) => {
    expect([...idsOfList(list)]).toEqual(ids);
  });

  it.each([
    ['1,,2', '""'],
    ['1,2,', '""'],
    ['1,x3,4', '"x3"'],
    ['-4', '"-4"'],
    ['1.5', '"1.5"'],
    ['9007199254740993', '"9007199254740993"'],
  ])('refuses %s, naming %s', (list, named) => {
    expect(() => idsOfList(list)).toThrow(`Stored work item id ${named} is not an integer`);
  });
});
