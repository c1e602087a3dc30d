/** The citation families, the message keys their cards use, and how a family writes its years. */

export type FamilyId =
  | 'eu-act'
  | 'us-eo'
  | 'us-public-law'
  | 'us-usc'
  | 'us-cfr'
  | 'us-bill'
  | 'us-omb'
  | 'uk-si'
  | 'uk-act'
  | 'standard'
  | 'edpb'
  | 'wp29'
  | 'mdcg'
  | 'ich'
  | 'imdrf';

/** Message keys (public/_locales/en/messages.json) the card shows for a citation; checked by a unit test. */
export type CitationText = `cite${string}`;

/** A two-digit year is of the last century ("95/46/EC"); four digits are the year. */
export const year4 = (y: string): number => (y.length === 2 ? 1900 + Number(y) : Number(y));
