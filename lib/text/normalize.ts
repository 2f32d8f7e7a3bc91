/**
 * Text normalisation for word-list matching (moderation / disallowed words).
 *
 * Pure module: no framework, no I/O.
 *
 * Normalisation works code point by code point so that every character of the
 * normalised string can be traced back to the range of the original text it
 * came from (NFKC and case folding can change lengths: "ß" → "ss", "ﬁ" → "fi",
 * "𝐬" (2 UTF-16 units) → "s").
 */

/** Look-alike letters from other scripts, mapped to the Latin letter they imitate. Keys are lower case. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  һ: 'h',
  н: 'h',
  і: 'i',
  ӏ: 'l',
  ј: 'j',
  к: 'k',
  м: 'm',
  п: 'n',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  ү: 'y',
  ԝ: 'w',
  ѡ: 'w',
  х: 'x',
  ԁ: 'd',
  ь: 'b',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  // Latin variants that survive NFKC
  ı: 'i',
  ɩ: 'i',
  ɑ: 'a',
  ɡ: 'g',
  ȷ: 'j',
};

/** Leetspeak digits and symbols. */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

const MARKS = /\p{M}/gu;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const IS_MARK = /^\p{M}$/u;

/**
 * Normalise one code point, without the leetspeak step: NFKC, full case folding
 * (upper-then-lower folds ß→ss, ς→σ), NFD with combining marks removed, invisible
 * (default-ignorable) characters removed, look-alikes mapped to Latin.
 */
const foldCache = new Map<string, string>();
function foldCodePoint(cp: string): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let s = cp.normalize('NFKC').toLocaleLowerCase('en');
  s = s.toLocaleUpperCase('en').toLocaleLowerCase('en');
  s = s.normalize('NFD').replace(MARKS, '').replace(IGNORABLE, '');
  let out = '';
  for (const ch of s) out += LOOKALIKES[ch] ?? ch;
  if (foldCache.size < 10_000) foldCache.set(cp, out);
  return out;
}

type MappedText = {
  /** Normalised with leetspeak mapping. */
  full: string;
  /** Normalised without leetspeak mapping (so "me@spam.com" still has its "@"). */
  plain: string;
  /** For each UTF-16 unit of full/plain: start offset in the original text. */
  starts: number[];
  /** For each UTF-16 unit of full/plain: end offset (exclusive) in the original text. */
  ends: number[];
};

function mapText(text: string): MappedText {
  let full = '';
  let plain = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  // Units produced by the most recent code point that produced output, so that
  // combining marks following it extend its original range.
  let lastFrom = -1;
  let lastTo = -1;
  for (const cp of text) {
    const end = offset + cp.length;
    const folded = foldCodePoint(cp);
    if (folded === '') {
      if (lastTo > lastFrom && ends[lastTo - 1] === offset && IS_MARK.test(cp)) {
        for (let i = lastFrom; i < lastTo; i++) ends[i] = end;
      }
    } else {
      lastFrom = plain.length;
      for (const ch of folded) {
        plain += ch;
        full += LEET[ch] ?? ch; // LEET keys and values are single BMP units: same length
        for (let k = 0; k < ch.length; k++) {
          starts.push(offset);
          ends.push(end);
        }
      }
      lastTo = plain.length;
    }
    offset = end;
  }
  return { full, plain, starts, ends };
}

/**
 * Normalise text for matching: NFKC, case folding (ß→ss), accents stripped,
 * invisible characters removed, Cyrillic/Greek look-alikes mapped to Latin,
 * leetspeak (0→o 1→i 3→e 4→a 5→s 7→t @→a $→s) mapped to letters.
 */
export function normalizeForMatching(s: string): string {
  return mapText(s).full;
}

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function entryPattern(normalised: string): string | null {
  const parts = normalised.split(/\s+/u).filter((p) => p !== '');
  if (parts.length === 0) return null;
  return parts.map((p) => p.replace(REGEX_SYNTAX, '\\$&')).join('\\s+');
}

export type WordListMatch = { word: string; index: number; length: number };

/**
 * Find the earliest whole-word occurrence of any list entry in `text`.
 * Both sides are normalised (see normalizeForMatching); a match must not be
 * preceded or followed by a letter or digit, so "Scunthorpe" does not match
 * "cunt". Entries may be phrases; whitespace runs match any whitespace.
 *
 * `word` is the list entry (trimmed) as written; `index`/`length` are UTF-16
 * offsets into the ORIGINAL text. Empty/whitespace entries are ignored.
 */
export function findWordListMatch(text: string, words: string[]): WordListMatch | null {
  let best: WordListMatch | null = null;
  let mapped: MappedText | null = null;
  for (const raw of words) {
    const word = raw.trim();
    if (word === '') continue;
    const entry = mapText(word);
    for (const variant of ['full', 'plain'] as const) {
      const pattern = entryPattern(entry[variant]);
      if (pattern === null) continue;
      mapped ??= mapText(text);
      const hit = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u').exec(mapped[variant]);
      if (!hit || hit[0].length === 0) continue;
      const index = mapped.starts[hit.index]!;
      const length = mapped.ends[hit.index + hit[0].length - 1]! - index;
      if (best === null || index < best.index || (index === best.index && length > best.length)) {
        best = { word, index, length };
      }
    }
  }
  return best;
}

/**
 * Match an email address or IP against a list: case-insensitive exact match, or
 * an entry "@domain.com" / "*@domain.com" matching any address at exactly that
 * domain. Returns the matched entry (trimmed) or null. Empty entries are ignored.
 */
export function matchesEmailOrIpList(value: string, list: string[]): string | null {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  for (const raw of list) {
    const entry = raw.trim();
    if (entry === '') continue;
    const e = entry.toLowerCase();
    if (e === v) return entry;
    const domain = e.startsWith('*@') ? e.slice(2) : e.startsWith('@') ? e.slice(1) : null;
    if (domain && v.length > domain.length + 1 && v.endsWith(`@${domain}`)) return entry;
  }
  return null;
}
