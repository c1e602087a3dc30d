import { useMemo, useState } from 'preact/hooks';
import type { Jurisdiction } from '../../data/schema';
import { comparable } from '../../core/compare/comparison';
import { MAX_CHOICE, MIN_CHOICE } from '../../platform/compare-choice';
import { createSearchIndex, toSearchDocs } from '../../core/search';
import { t } from '../../platform/i18n';

const KIND_LABEL: Record<Jurisdiction['kind'], string> = {
  country: t('kindCountryShort'),
  subnational: t('kindSubnationalShort'),
  bloc: t('kindBlocShort'),
  organization: t('kindOrganizationShort'),
};
const short = (j: Jurisdiction) => j.shortName ?? j.name;

/** The chosen jurisdictions as removable chips, a Fuse.js search to add one, and suggestions from the page. */
export function JurisdictionPicker({
  jurisdictions,
  byId,
  chosen,
  suggestions,
  onChange,
}: {
  jurisdictions: Jurisdiction[];
  byId: Map<string, Jurisdiction>;
  chosen: string[];
  suggestions: Jurisdiction[];
  onChange: (ids: string[]) => void;
}) {
  const index = useMemo(() => createSearchIndex(toSearchDocs([], comparable(jurisdictions), [])), [jurisdictions]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const hits = useMemo(() => index.search(query, 8).filter((h) => !chosen.includes(h.doc.id)), [index, query, chosen]);
  const full = chosen.length >= MAX_CHOICE;

  const add = (id: string) => {
    if (full || chosen.includes(id)) return;
    onChange([...chosen, id]);
    setQuery('');
    setActive(0);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && hits[active]) add(hits[active]!.doc.id);
    else if (e.key === 'Escape' && query) setQuery('');
    else return;
    e.preventDefault();
  };

  return (
    <div class="rl-cmp-picker">
      <ul class="rl-cmp-chips" aria-label={t('chosenJurisdictions')}>
        {chosen.map((id) => {
          const j = byId.get(id);
          const name = j ? short(j) : id;
          return (
            <li key={id} class="rl-cmp-chip" data-id={id}>
              <span>{name}</span>
              <button
                type="button"
                class="rl-cmp-chip__remove"
                aria-label={t('removeJurisdiction', j?.name ?? id)}
                title={chosen.length <= MIN_CHOICE ? t('needsAtLeast', MIN_CHOICE) : t('removeJurisdiction', j?.name ?? id)}
                disabled={chosen.length <= MIN_CHOICE}
                onClick={() => onChange(chosen.filter((c) => c !== id))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div class="rl-cmp-combobox">
        <label for="rl-add" class="rl-visually-hidden">
          {t('addJurisdiction')}
        </label>
        <input
          id="rl-add"
          type="text"
          class="rl-select"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls="rl-add-options"
          aria-activedescendant={hits[active] ? `rl-add-${hits[active]!.doc.id}` : undefined}
          aria-describedby="rl-add-hint"
          placeholder={full ? t('atMost', MAX_CHOICE) : t('addJurisdictionPlaceholder')}
          disabled={full}
          autoComplete="off"
          spellcheck={false}
          value={query}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setActive(0);
          }}
          onKeyDown={onKey}
        />
        <span id="rl-add-hint" class="rl-visually-hidden">
          {t('pickerHint', [MIN_CHOICE, MAX_CHOICE])}
        </span>
        <ul id="rl-add-options" role="listbox" aria-label={t('matchingJurisdictions')} class="rl-cmp-options" hidden={!hits.length}>
          {hits.map((h, i) => {
            const j = byId.get(h.doc.id);
            return (
              <li
                key={h.doc.id}
                id={`rl-add-${h.doc.id}`}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'is-active' : ''}
                data-id={h.doc.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(h.doc.id)}
              >
                <span>{h.doc.name}</span>
                {j ? <span class="rl-muted">{KIND_LABEL[j.kind]}</span> : null}
              </li>
            );
          })}
        </ul>
      </div>
      {suggestions.length ? (
        <div class="rl-cmp-suggestions" data-testid="suggestions">
          <span class="rl-muted">{t('onThisPageLabel')}</span>
          {suggestions.map((j) => (
            <button
              key={j.id}
              type="button"
              class="rl-cmp-chip rl-cmp-chip--suggest"
              data-id={j.id}
              disabled={full}
              onClick={() => add(j.id)}
              aria-label={t('addNamed', j.name)}
            >
              + {short(j)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
