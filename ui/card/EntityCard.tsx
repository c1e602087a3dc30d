import type { Candidate } from '../../core/detect/matcher';
import type { EntityView } from '../../protocol/messages';
import { CandidateList } from './CandidateList';
import { CitationCard } from './CitationCard';
import { FrameworkCard } from './FrameworkCard';
import { JurisdictionCard } from './JurisdictionCard';
import { TechnologyCard } from './TechnologyCard';

export interface EntityCardProps {
  view: EntityView;
  /** Adds "Compare in side panel" to framework and jurisdiction cards. */
  onCompare?: (jurisdictions: string[]) => void;
  /** An ambiguous mention: the text as written and every entity it may mean. */
  ambiguous?: { text: string; candidates: Candidate[]; onChoose: (id: string) => void };
  /** The date of the page the card is shown on, when known (framework cards say what applied then). */
  pageDate?: string;
}

/** The one card shown on pages, in the popup and in the side panel. */
export function EntityCard({ view, onCompare, ambiguous, pageDate }: EntityCardProps) {
  const e = view.entity;
  const lead = ambiguous ? (
    <CandidateList text={ambiguous.text} candidates={ambiguous.candidates} current={e.record.id} onChoose={ambiguous.onChoose} />
  ) : null;
  if (e.kind === 'framework')
    return (
      <FrameworkCard f={e.record} view={view} onCompare={onCompare} pageDate={pageDate}>
        {lead}
      </FrameworkCard>
    );
  if (e.kind === 'jurisdiction')
    return (
      <JurisdictionCard j={e.record} view={view} onCompare={onCompare}>
        {lead}
      </JurisdictionCard>
    );
  if (e.kind === 'citation')
    return (
      <CitationCard c={e.record} view={view}>
        {lead}
      </CitationCard>
    );
  return (
    <TechnologyCard t={e.record} view={view}>
      {lead}
    </TechnologyCard>
  );
}
