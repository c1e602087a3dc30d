/**
 * The background's side of "Compare in side panel": store the requested choice (merged with the current
 * one, see `mergeChoice`) and open Chrome's side panel or Firefox's sidebar. The panel watches the
 * `comparisons` table, so it shows the new choice whether it was already open or opens now.
 *
 * Browsers open panels only in response to a user action, and a gesture does not survive an `await`: the
 * open call is therefore made first, synchronously, and the storing runs beside it.
 */
import type { Jurisdiction } from '../data/schema';
import type { OpenedPanel } from '../protocol/messages';
import type { LensDb } from '../platform/db';
import { DEFAULT_CHOICE, loadChoice, mergeChoice, saveChoice } from '../platform/compare-choice';

export interface PanelOpeners {
  /** Chrome: `chrome.sidePanel.open`, which needs the tab (or window) to open in. */
  sidePanel?: (opts: { tabId: number } | { windowId: number }) => Promise<void>;
  /** Firefox: `browser.sidebarAction.open`. */
  sidebar?: () => Promise<void>;
}

export interface SenderTab {
  tab?: { id?: number; windowId?: number };
}

function open(sender: SenderTab, openers: PanelOpeners): Promise<void> {
  try {
    if (openers.sidePanel) {
      const tab = sender.tab;
      if (tab?.id !== undefined) return openers.sidePanel({ tabId: tab.id });
      if (tab?.windowId !== undefined) return openers.sidePanel({ windowId: tab.windowId });
      return Promise.reject(new Error('no tab to open the side panel in'));
    }
    if (openers.sidebar) return openers.sidebar();
    return Promise.reject(new Error('this browser has no side panel'));
  } catch (e) {
    return Promise.reject(e);
  }
}

export async function openSidePanel(
  requested: string[],
  sender: SenderTab,
  deps: { db: LensDb; byId: Map<string, Jurisdiction>; openers: PanelOpeners },
): Promise<OpenedPanel> {
  const opening = open(sender, deps.openers).then(
    () => ({ opened: true }),
    (e: unknown) => ({ opened: false, error: e instanceof Error ? e.message : String(e) }),
  );
  const storing = (async () => {
    const next = mergeChoice(requested, (await loadChoice(deps.db)) ?? DEFAULT_CHOICE, deps.byId);
    await saveChoice(deps.db, next);
    return next;
  })();
  const [result, jurisdictions] = await Promise.all([opening, storing]);
  return { ...result, jurisdictions };
}
