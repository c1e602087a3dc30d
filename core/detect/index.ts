export { buildLexicon, type Lexicon, type LexiconEntry, type EntityKind } from './lexicon';
export { compileMatcher, type Detection, type Matcher, type Candidate, type MatcherOptions, type ScanOptions } from './matcher';
export { extractText, locate, BLOCK_BREAK, type TextIndex, type ExtractOptions } from './extract';
export { isCaseSensitiveTerm, normalizeText, termKey } from './terms';
export { normalize } from './normalize';
