import type { EntityView } from '../utils/messages';
import { FrameworkCard } from './FrameworkCard';
import { JurisdictionCard } from './JurisdictionCard';
import { TechnologyCard } from './TechnologyCard';

/** The one card shown on pages, in the popup and in the side panel. */
export function EntityCard({ view }: { view: EntityView }) {
  const e = view.entity;
  if (e.kind === 'framework') return <FrameworkCard f={e.record} view={view} />;
  if (e.kind === 'jurisdiction') return <JurisdictionCard j={e.record} view={view} />;
  return <TechnologyCard t={e.record} />;
}
