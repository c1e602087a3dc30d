/**
 * What a citation's identifier says, for its card (the background, the popup, the CLI): the family
 * tables' KINDS read through the engine's identifiers.
 */
import { parseCitationId } from './engine';
import type { CitationText, FamilyId } from './families';
import { KINDS, type CitationKind } from './kinds';

/** What a citation's card shows: everything follows from the identifier. */
export interface CitationInfo {
  id: string;
  family: FamilyId;
  /** The identifier as it is cited ("Regulation (EU) 2016/679"). */
  display: string;
  label: CitationText;
  tells: CitationText;
  issuer: CitationText;
  year?: string;
  link?: { url: string; site: string };
  /** For a state bill: the state's jurisdiction id. */
  jurisdiction?: string;
}

/** What a citation's identifier says; undefined for an identifier the engine never makes. */
export function citationInfo(id: string): CitationInfo | undefined {
  const p = parseCitationId(id);
  if (!p) return undefined;
  const k: CitationKind = KINDS[p.kind];
  const f = p.fields;
  const info: CitationInfo = { id, family: k.family, display: k.display(f), label: k.label(f), tells: k.tells(f), issuer: k.issuer(f) };
  const year = k.year?.(f);
  if (year) info.year = year;
  const link = k.link?.(f);
  if (link) info.link = link;
  if (p.kind === 'state-bill') info.jurisdiction = f[0];
  return info;
}
