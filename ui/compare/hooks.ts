/** State and I/O for the side panel: the persisted choice, page mentions, roving focus among chart marks. */
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Jurisdiction } from '../../data/schema';
import { loadChoice, MIN_CHOICE, sameChoice, saveChoice, validIds } from '../../platform/compare-choice';
import type { Mention } from '../../core/compare/suggest';
import { readPage, targetTab } from '../popup/page-client';
import type { LensDb } from '../../platform/db';

/**
 * The chosen jurisdictions, saved on every change and kept in step with the database, so a choice stored
 * by the background (`openSidePanel`) or another panel window shows up here.
 */
export function useChoice(db: LensDb, initial: string[], byId: Map<string, Jurisdiction>): [string[], (ids: string[]) => void] {
  const [chosen, setState] = useState(initial);
  const latest = useRef(initial);
  // While a save of ours is in flight the database still holds the previous choice: ignore it then.
  const saving = useRef(0);

  useEffect(() => {
    const sub = liveQuery(() => loadChoice(db)).subscribe({
      next: (ids) => {
        if (!ids || saving.current) return;
        const valid = validIds(ids, byId);
        if (valid.length < MIN_CHOICE || sameChoice(valid, latest.current)) return;
        latest.current = valid;
        setState(valid);
      },
      error: (e: unknown) => console.error('[regulatory-lens] watching the comparison failed', e),
    });
    return () => sub.unsubscribe();
  }, [db, byId]);

  const set = useCallback(
    (ids: string[]) => {
      latest.current = ids;
      setState(ids);
      saving.current++;
      saveChoice(db, ids)
        .catch((e: unknown) => console.error('[regulatory-lens] saving the comparison failed', e))
        .finally(() => saving.current--);
    },
    [db],
  );
  return [chosen, set];
}

/**
 * Mentions on the page in the active tab (or the tab named by `?tab=<id>`, as in the popup), refreshed when
 * the tab changes or finishes loading. A page that cannot be read gives none.
 */
export function usePageMentions(search: string): Mention[] {
  const [mentions, setMentions] = useState<Mention[]>([]);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void targetTab(search)
        .then((tab) => readPage(tab?.id))
        .then((page) => live && setMentions(page.status === 'ok' ? page.mentions : []))
        .catch(() => live && setMentions([]));
    const onUpdated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') refresh();
    };
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [search]);
  return mentions;
}

/**
 * Roving focus for chart marks: one Tab stop per chart, arrows (and Home/End) move between marks, so a
 * keyboard user reaches every mark without tabbing through dozens of them.
 */
export function useRoving(keys: string[]) {
  const [active, setActive] = useState<string | undefined>(undefined);
  const [focused, setFocused] = useState(false);
  const current = active !== undefined && keys.includes(active) ? active : keys[0];
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as Element;
    if (!target.matches('[data-mark]')) return;
    const marks = [...(e.currentTarget as Element).querySelectorAll<SVGElement>('[data-mark]')];
    const i = marks.indexOf(target as SVGElement);
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? Math.min(i + 1, marks.length - 1)
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? Math.max(i - 1, 0)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? marks.length - 1
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    marks[next]?.focus();
  };
  const mark = (key: string) => ({
    'data-mark': key,
    // Lower case: these are SVG elements, whose attribute names are case-sensitive.
    tabindex: key === current ? 0 : -1,
    onFocus: () => {
      setActive(key);
      setFocused(true);
    },
    onBlur: () => setFocused(false),
  });
  /** The mark that has keyboard focus, if any: what the line below a chart describes. */
  const focusedKey = focused ? current : undefined;
  return { active: current, focused: focusedKey, onKeyDown, mark };
}
