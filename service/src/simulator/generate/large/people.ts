import type { Random } from '../../model/random.ts';
import type { Identity } from '../../model/organization.ts';
import { createIdentities } from '../../model/identities.ts';

/** Fictional names (Japanese and English), combined into as many people as the large organization needs. */
const GIVEN = [
  ['陽翔', 'haruto'],
  ['結菜', 'yuna'],
  ['大和', 'yamato'],
  ['さくら', 'sakura'],
  ['蒼', 'ao'],
  ['美咲', 'misaki'],
  ['悠真', 'yuma'],
  ['凛', 'rin'],
  ['颯太', 'sota'],
  ['芽依', 'mei'],
  ['Liam', 'liam'],
  ['Olivia', 'olivia'],
  ['Noah', 'noah'],
  ['Amelia', 'amelia'],
  ['Ethan', 'ethan'],
  ['Chloe', 'chloe'],
  ['Lucas', 'lucas'],
  ['Maya', 'maya'],
] as const;
const FAMILY = [
  ['山本', 'yamamoto'],
  ['中村', 'nakamura'],
  ['小林', 'kobayashi'],
  ['加藤', 'kato'],
  ['吉田', 'yoshida'],
  ['山田', 'yamada'],
  ['佐々木', 'sasaki'],
  ['松本', 'matsumoto'],
  ['井上', 'inoue'],
  ['木村', 'kimura'],
  ['Walker', 'walker'],
  ['Hughes', 'hughes'],
  ['Price', 'price'],
  ['Foster', 'foster'],
  ['Hayes', 'hayes'],
  ['Brooks', 'brooks'],
] as const;

/** Kana or kanji: Japanese names pair with Japanese names, written family name first. */
const isJapanese = (text: string): boolean => /[\u3040-\u9fff]/.test(text);

export function createPeople(random: Random, count: number): Identity[] {
  const people = createIdentities(random);
  const used = new Set(people.map((person) => person.email));
  for (let attempt = 0; people.length < count && attempt < count * 20; attempt += 1) {
    const given = random.pick(GIVEN);
    const family = random.pick(FAMILY);
    const japanese = isJapanese(given[0]);
    const email = `${given[1]}.${family[1]}@seika.example.com`;
    if (used.has(email) || japanese !== isJapanese(family[0])) continue;
    used.add(email);
    people.push({
      id: random.guid(),
      displayName: japanese ? `${family[0]} ${given[0]}` : `${given[0]} ${family[0]}`,
      email,
    });
  }
  return people;
}
