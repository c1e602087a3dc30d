export { buildLexicon, type Lexicon, type LexiconEntry, type EntityKind } from './lexicon';
export { compileMatcher, type Detection, type Matcher, type Candidate } from './matcher';
export { extractText, locate, type TextIndex } from './extract';
export { isCaseSensitiveTerm, normalizeText } from './terms';
