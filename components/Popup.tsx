import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LensDb } from '../utils/db';
import { loadEntityView } from '../utils/entities';
import type { EntityView } from '../utils/messages';
import type { SearchHit, SearchIndex } from '../utils/search';
import { EntityCard } from './EntityCard';
import { SearchResults } from './SearchResults';

export function Popup({ db, index }: { db: LensDb; index: SearchIndex }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [view, setView] = useState<EntityView | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => index.search(query), [index, query]);

  useEffect(() => {
    if (!view) input.current?.focus();
  }, [view]);

  useEffect(() => {
    // Esc goes back from a card to the results, wherever focus is.
    const back = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setView((v) => {
        if (v) e.preventDefault();
        return undefined;
      });
    };
    document.addEventListener('keydown', back);
    return () => document.removeEventListener('keydown', back);
  }, []);

  const choose = async (h: SearchHit) => setView(await loadEntityView(db, h.doc.kind, h.doc.id));

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && hits[active]) void choose(hits[active]!);
    else return;
    e.preventDefault();
  };

  if (view) {
    return (
      <main class="rl-popup">
        <button type="button" class="rl-back" onClick={() => setView(undefined)}>
          Back to results
        </button>
        <EntityCard view={view} />
      </main>
    );
  }
  return (
    <main class="rl-popup">
      <label class="rl-search">
        <span class="rl-visually-hidden">Search frameworks, jurisdictions and technologies</span>
        <input
          ref={input}
          type="search"
          placeholder="GDPR, AI Act, MiCA, Kenya..."
          value={query}
          autoComplete="off"
          spellcheck={false}
          aria-controls="rl-results"
          aria-activedescendant={hits.length ? `result-${active}` : undefined}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setActive(0);
          }}
          onKeyDown={onKey}
        />
      </label>
      {query.trim() && !hits.length ? <p class="rl-muted" role="status">No match.</p> : null}
      <SearchResults hits={hits} active={active} onChoose={(h) => void choose(h)} />
    </main>
  );
}
