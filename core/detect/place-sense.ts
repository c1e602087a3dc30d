/**
 * Whether a place name on the page names the place. Country and state names are also newspapers ("New York
 * Times"), teams ("Indiana Pacers"), universities, brands ("Victoria's Secret"), currencies ("US-Dollar"),
 * titles ("Princess of Wales") and people ("Chad Miller", "Pascual Jordan", "Jimmy Wales"); and one name
 * may be two places (Georgia the country and the U.S. state). These rules read only the words around a
 * name and the places named within NEAR_PLACE characters, so a page scanned in parts (page-level.ts) gets
 * the same answers as one scan of the whole.
 */
import { NEAR } from './evidence';

/** How far a name looks for other places that tell its sense. */
export const NEAR_PLACE = 2 * NEAR;

/** What follows a place name when the words are a newspaper, a market, a team, a school or a brand. */
const NOT_PLACE_AFTER = new RegExp(
  String.raw`^(?:['\u2019]s)?[ \u00a0]+(?:Times|Post|Sun|Today|Journal|Herald|Tribune|Gazette|Magazine|Daily|Observer|Chronicle|Stock Exchange|Mercantile|` +
    String.raw`Airlines?|Airways|Tech|Instruments|University|State University|Philharmonic|Fashion Week|Fisherman['\u2019]s Wharf|Jones|` +
    String.raw`Pacers|Kings|Rangers|Giants|Yankees|Mets|Knicks|Jets|Nets|Lakers|Clippers|Warriors|Vikings|Dolphins|Patriots|Packers|Cowboys|Eagles|` +
    String.raw`Seahawks|Titans|Raiders|Chiefs|Bills|Bears|Lions|Saints|Falcons|Panthers|Colts|Ravens|Steelers|Browns|Bengals|Texans|Jaguars|Broncos|` +
    String.raw`Chargers|Cardinals|Rams|Buccaneers|Commanders|Red Sox|White Sox|Cubs|Dodgers|Astros|Mariners|Twins|Royals|Tigers|Orioles|Braves|Marlins|` +
    String.raw`Phillies|Nationals|Pirates|Reds|Brewers|Padres|Rockies|Diamondbacks|Guardians|Senators|Capitals|Devils|Islanders|Flyers|Penguins|Bruins|` +
    String.raw`Avalanche|Wild|Predators|Stars|Ducks|Sharks|Oilers|Flames|Canucks|Jazz|Heat|Magic|Thunder|Grizzlies|Pelicans|Hornets|Hawks|Suns|Timberwolves|` +
    String.raw`Secret|sandwich(?:es)?|dinner|breast|burgers?|bacon|trot)(?![\p{L}\p{N}])|^-(?:Dollar|dollar)`,
  'u',
);
/** What comes before a place name when it is part of a title or an institution's name, not the place. */
const NOT_PLACE_BEFORE = /(?:\b(?:University|Prince|Princess|Duke|Duchess|Earl|Countess|Marquess) (?:of|Of) |\b(?:Mashable|Games) )$/;

/**
 * Names that are also given names or surnames: not the place when a capitalised word stands right before or
 * after them ("Chad Miller", "Jim Jordan", "Jimmy Wales"), unless it is a word of prose about places.
 */
const PERSON_NAMES = new Set([
  'Jordan',
  'Chad',
  'Georgia',
  'Victoria',
  'Virginia',
  'India',
  'Kenya',
  'Israel',
  'Wales',
  'Montana',
  'Jersey',
  'Florida',
  'Carolina',
  'Dakota',
  'Indiana',
  'Nevada',
  'Delaware',
  'Madison',
  'Aurora',
]);
/** Of those, the ones more often a person than the place in pages that name no other place near them. */
const NEEDS_BACKING = new Set(['Jordan', 'Chad', 'Georgia', 'Victoria', 'Virginia', 'Wales', 'Montana', 'Jersey']);
/** Capitalised words that may stand before such a name in prose about the place. */
const PLACE_WORD_BEFORE =
  /^(?:The|New|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Republic|State|Kingdom|Hashemite|In|At|From|To|And|Of|For|With|On|By|Like|Against|About|Across|Outside|Inside|Near|Including|Both|Between|Visit|See)$/;
/** Capitalised words that may follow such a name in prose about the place ("Georgia Senate", "Jordan Valley"). */
const PLACE_WORD_AFTER =
  /^(?:Senate|House|Assembly|Legislature|Parliament|Government|Governor|Ministry|Minister|Department|Court|Supreme|State|Police|Attorney|General|Republic|Act|Law|Bill|Code|Valley|River|Coast|Gulf|Sea|Strait|Border|Election|Elections|Primary|Democrats|Republicans|Public|Secretary|Commission|Commissioner|Office|Authority|Agency|Bureau|Council|Army|Navy|Central|National|Federal)$/;

const CAPITAL_WORD = /^\p{Lu}[\p{L}\p{M}'\u2019-]*$/u;

/** The word right before `start`, if it is not the first word of its sentence ("Then Kenya" is the place). */
function wordBefore(page: string, start: number): string {
  let j = start;
  while (j > 0 && (page[j - 1] === ' ' || page[j - 1] === '\u00a0')) j--;
  if (j === start) return '';
  let k = j;
  while (k > 0 && /[\p{L}\p{M}'\u2019.-]/u.test(page[k - 1]!)) k--;
  let p = k;
  while (p > 0 && /\s/.test(page[p - 1]!)) p--;
  return p === 0 || /[.!?:;\u001f"\u201c(]/.test(page[p - 1]!) ? '' : page.slice(k, j);
}

function wordAfter(page: string, end: number): string {
  const m = /^[ \u00a0]+([\p{L}\p{M}'\u2019-]+)/u.exec(page.slice(end, end + 40));
  return m?.[1] ?? '';
}

/** Whether the name at start..end is not the place (a newspaper, a team, a person...): rules on its words alone. */
export function notThePlace(page: string, start: number, end: number): boolean {
  if (NOT_PLACE_AFTER.test(page.slice(end, end + 40))) return true;
  // A label of a domain name ("USA.gov", "vote.USA.gov"): a web address, not the place.
  if (/^\.[A-Za-z]/.test(page.slice(end, end + 2)) || /[A-Za-z]\.$/.test(page.slice(Math.max(0, start - 2), start))) return true;
  if (NOT_PLACE_BEFORE.test(page.slice(Math.max(0, start - 30), start))) return true;
  const written = page.slice(start, end);
  if (!PERSON_NAMES.has(written)) return false;
  const before = wordBefore(page, start);
  if (before && CAPITAL_WORD.test(before) && !PLACE_WORD_BEFORE.test(before)) return true;
  const after = wordAfter(page, end);
  return CAPITAL_WORD.test(after) && !PLACE_WORD_AFTER.test(after);
}

/** A found jurisdiction name, as the matcher holds it. */
export interface PlaceHit {
  start: number;
  end: number;
  kind: string;
  id: string;
}

/**
 * Names one record holds and another place shares: the record's id, and the other place's with the ids
 * whose mention nearby tells it is that one (Georgia near a U.S. state or "City, Georgia" is the state).
 */
const SHARED: Record<string, { other: string; near: (id: string) => boolean; address?: RegExp }> = {
  Georgia: { other: 'us-ga', near: (id) => id === 'us' || id.startsWith('us-'), address: /\p{Lu}\p{Ll}+,[ \u00a0]$/u },
};

/**
 * After a scan: drops the person-like names no other place backs up, and re-points shared names to the
 * other place when its context is there. `hits` is changed in place.
 */
export function settlePlaces<H extends PlaceHit>(hits: H[], page: string): H[] {
  const places = hits.filter((h) => h.kind === 'jurisdiction');
  if (!places.some((h) => NEEDS_BACKING.has(page.slice(h.start, h.end)))) return hits;
  const backed = (h: H, by: (x: H) => boolean) =>
    places.some((x) => x !== h && Math.abs(x.start - h.start) <= NEAR_PLACE && !NEEDS_BACKING.has(page.slice(x.start, x.end)) && by(x));
  return hits.filter((h) => {
    if (h.kind !== 'jurisdiction') return true;
    const written = page.slice(h.start, h.end);
    if (!NEEDS_BACKING.has(written)) return true;
    const shared = SHARED[written];
    if (shared) {
      const address = shared.address?.test(page.slice(Math.max(0, h.start - 30), h.start)) ?? false;
      // "Savannah, Georgia" is the state unless other countries are named around it ("Tbilisi, Georgia" rarely comes alone).
      if (backed(h, (x) => shared.near(x.id)) || (address && !backed(h, (x) => !shared.near(x.id)))) {
        h.id = shared.other;
        return true;
      }
    }
    return backed(h, () => true);
  });
}
