import type { Random } from './random.ts';
import type { Identity } from './organization.ts';

/** Fictional people; the e-mail domain is reserved for examples. */
const PEOPLE: readonly (readonly [string, string])[] = [
  ['佐藤 葵', 'aoi.sato'],
  ['鈴木 蓮', 'ren.suzuki'],
  ['高橋 陽菜', 'hina.takahashi'],
  ['田中 湊', 'minato.tanaka'],
  ['伊藤 結衣', 'yui.ito'],
  ['Emily Carter', 'emily.carter'],
  ['Oliver Bennett', 'oliver.bennett'],
  ['Grace Turner', 'grace.turner'],
];

export function createIdentities(random: Random): Identity[] {
  return PEOPLE.map(([displayName, alias]) => ({
    id: random.guid(),
    displayName,
    email: `${alias}@seika.example.com`,
  }));
}
