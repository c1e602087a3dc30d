import { useMemo, useState } from 'preact/hooks';
import type { TechnologyId } from '../../data/schema';
import { compareAll } from '../../core/compare/alignment';
import type { CompareData } from '../../platform/compare-data';
import { suggestFromMentions } from '../../core/compare/suggest';
import type { LensDb } from '../../platform/db';
import { CoalitionChart } from './CoalitionChart';
import { CycleChart } from './CycleChart';
import { ExportBar } from './ExportBar';
import { useChoice, usePageMentions } from './hooks';
import { JurisdictionPicker } from './JurisdictionPicker';
import { Overview } from './Overview';
import { RegimeMap } from './RegimeMap';
import { TechnologySection } from './TechnologySection';
import { YearChart } from './YearChart';
import { UpcomingView } from './UpcomingView';
import { upcomingByJurisdiction } from '../../core/compare/upcoming';
import { dayOf } from '../../core/timeline/partial-date';
import { t } from '../../platform/i18n';

/** The side panel: choose 2 to 4 jurisdictions, compare them per technology, export, and see the article's pictures. */
export function ComparePanel({
  db,
  data,
  initial,
  search = '',
  now = new Date().getFullYear(),
}: {
  db: LensDb;
  data: CompareData;
  initial: string[];
  /** The page's query string: `?tab=<id>` names the tab to suggest from (tests); `j` is already consumed. */
  search?: string;
  now?: number;
}) {
  const { byId } = data;
  const [chosenIds, setChosen] = useChoice(db, initial, byId);
  const mentions = usePageMentions(search);
  const [open, setOpen] = useState<Set<TechnologyId>>(new Set(['ai']));
  const chosen = useMemo(() => chosenIds.map((id) => byId.get(id)!).filter(Boolean), [chosenIds, byId]);
  const comparisons = useMemo(() => compareAll(chosen, data.frameworks, byId), [chosen, data.frameworks, byId]);
  const technologies = useMemo(() => new Map(data.technologies.map((t) => [t.id, t])), [data.technologies]);
  const names = useMemo(() => ({ technologies, jurisdictions: byId }), [technologies, byId]);
  const upcoming = useMemo(() => upcomingByJurisdiction(comparisons, dayOf(new Date())), [comparisons]);
  const suggestions = useMemo(() => suggestFromMentions(mentions, byId, chosenIds), [mentions, byId, chosenIds]);

  const toggle = (id: TechnologyId) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const reveal = (id: string) => {
    setOpen((o) => new Set([...o, id as TechnologyId]));
    // After the section has rendered open: bring it into view and put focus on its heading button.
    requestAnimationFrame(() => {
      const button = document.querySelector<HTMLButtonElement>(`#tech-${id} h3 button`);
      button?.scrollIntoView({ block: 'start' });
      button?.focus();
    });
  };

  return (
    <main class="rl-panel rl-compare">
      <h1>{t('compareTitle')}</h1>
      <JurisdictionPicker
        jurisdictions={data.jurisdictions}
        byId={byId}
        chosen={chosenIds}
        suggestions={suggestions}
        onChange={setChosen}
      />
      <p class="rl-visually-hidden" role="status">
        {t('comparingStatus', chosen.map((j) => j.name).join(', '))}
      </p>
      <Overview comparisons={comparisons} technologies={technologies} onOpen={reveal} />
      <UpcomingView columns={upcoming} />
      <ExportBar comparisons={comparisons} names={names} upcoming={upcoming} />
      <section class="rl-by-tech" aria-labelledby="rl-by-tech-h">
        <h2 id="rl-by-tech-h">{t('byTechnology')}</h2>
        {comparisons.map((t) => (
          <TechnologySection
            key={t.technology}
            comparison={t}
            name={technologies.get(t.technology)?.name ?? t.technology}
            byId={byId}
            open={open.has(t.technology)}
            onToggle={() => toggle(t.technology)}
          />
        ))}
      </section>
      <section class="rl-pictures" aria-labelledby="rl-pictures-h">
        <h2 id="rl-pictures-h">{t('pictures')}</h2>
        <YearChart frameworks={data.frameworks} chosen={chosen} byId={byId} technologies={data.technologies} now={now} />
        <RegimeMap
          frameworks={data.frameworks}
          jurisdictions={data.jurisdictions}
          byId={byId}
          technologies={data.technologies}
          chosen={chosenIds}
        />
        <CycleChart frameworks={data.frameworks} stages={data.stages} technologies={data.technologies} byId={byId} />
        <CoalitionChart coalitions={data.coalitions} technologies={data.technologies} now={now} />
      </section>
    </main>
  );
}
