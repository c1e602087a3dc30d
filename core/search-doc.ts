/** What the lookup searches and what it answers: one record (or citation) as a line of results. */
import type { Binding, Framework } from '../data/schema';
import type { EntityKind } from './detect/lexicon';

export interface SearchDoc {
  kind: EntityKind;
  id: string;
  name: string;
  shortName?: string;
  /** Names that identify this record: acronyms, official numbers ("Regulation (EU) 2016/679"), other languages. */
  aliases: string[];
  /** Names shared with other records ("AI Act"): they find the record but do not make it an exact hit. */
  sharedAliases: string[];
  summary: string;
  binding?: Binding;
  status?: Framework['status'];
  /** Where it applies, as a reader should see it ("EU · extraterritorial"), or what kind of place it is. */
  scope: string;
  /** Reach of a framework, widest first: breaks ties between records with the same shared name. */
  reach: number;
  /**
   * Words a query may add to a name and still name this record: its places ("Kenya", "Kenyan", "EU") and
   * the years of its dates ("2019").
   */
  context: string[];
  /** A framework's jurisdictions (scope and issuer): the context of its citations ("SB 24-205" is Colorado's). */
  jurisdictions?: string[];
}

export interface SearchHit {
  doc: SearchDoc;
  /** 0 is best. */
  score: number;
}
