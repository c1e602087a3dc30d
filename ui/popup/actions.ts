/**
 * What the popup's buttons open: the comparison side panel and the options page.
 *
 * Browsers open panels only in response to a user action, and a gesture does not survive an `await`:
 * `openSidePanel` must be called straight from a click handler and makes its browser calls synchronously.
 */
import { browser } from 'wxt/browser';
import { t } from '../../platform/i18n';

interface ChromeSidePanel {
  setOptions(o: { path: string; enabled?: boolean }): Promise<void>;
  open(o: { windowId: number }): Promise<void>;
}
interface FirefoxSidebar {
  setPanel(o: { panel: string }): Promise<void>;
  open(): Promise<void>;
}

const chromeSidePanel = (): ChromeSidePanel | undefined => (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
const firefoxSidebar = (): FirefoxSidebar | undefined => (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

export function canOpenSidePanel(): boolean {
  return Boolean(chromeSidePanel() ?? firefoxSidebar());
}

/** `sidepanel.html?j=eu,us`: the panel opens on these jurisdictions (at most two), or on its own choice. */
export function sidePanelPath(jurisdictions: string[]): string {
  const j = jurisdictions.filter((id) => /^[a-z0-9-]{1,80}$/.test(id)).slice(0, 2);
  return j.length === 2 ? `sidepanel.html?j=${j.join(',')}` : 'sidepanel.html';
}

/** Opens the side panel (Chrome) or sidebar (Firefox); resolves to an error message, or undefined. */
export function openSidePanel(windowId: number | undefined, jurisdictions: string[]): Promise<string | undefined> {
  const path = sidePanelPath(jurisdictions);
  const done = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
  try {
    const panel = chromeSidePanel();
    if (panel) {
      if (windowId === undefined) return Promise.resolve(t('noWindowForSidePanel'));
      // Both calls are made before anything is awaited, so the open keeps the click's user gesture.
      const pathSet = panel.setOptions({ path, enabled: true });
      return done(Promise.all([pathSet, panel.open({ windowId })]));
    }
    const sidebar = firefoxSidebar();
    if (sidebar)
      return done(Promise.all([sidebar.open(), sidebar.setPanel({ panel: browser.runtime.getURL(`/${path}` as '/sidepanel.html') })]));
    return Promise.resolve(t('noSidePanel'));
  } catch (e) {
    return Promise.resolve(e instanceof Error ? e.message : String(e));
  }
}

/** Whether this build has an options page to open. */
export function hasOptionsPage(): boolean {
  const m = browser.runtime.getManifest() as { options_ui?: unknown; options_page?: unknown };
  return Boolean(m.options_ui ?? m.options_page);
}

export function openOptions(): Promise<string | undefined> {
  return browser.runtime.openOptionsPage().then(
    () => undefined,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
}
