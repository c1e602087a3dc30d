/**
 * The manifest shortcut (`commands` in wxt.config.ts) reaches the background only; it is relayed to the
 * content script of the tab it was pressed in, which enters browse-mentions mode.
 */
import { browser } from 'wxt/browser';

export const BROWSE_COMMAND = 'browse-mentions';

type Tab = { id?: number };
interface CommandsApi {
  commands?: { onCommand: { addListener(cb: (command: string, tab?: Tab) => void): void } };
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<Tab[]>; sendMessage(id: number, msg: unknown): Promise<unknown> };
}

/** Relays the browse shortcut to the active tab's content script; a tab without one is left alone. */
export async function relayCommand(
  command: string,
  tab: Tab | undefined,
  api: CommandsApi = browser as unknown as CommandsApi,
): Promise<boolean> {
  if (command !== BROWSE_COMMAND) return false;
  const id = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return false;
  try {
    await api.tabs.sendMessage(id, { type: 'browseMentions' });
    return true;
  } catch {
    // Browser pages and tabs opened before the extension have no content script.
    return false;
  }
}

/** One line in the background: `relayCommands()`. */
export function relayCommands(api: CommandsApi = browser as unknown as CommandsApi): void {
  api.commands?.onCommand.addListener((command, tab) => void relayCommand(command, tab, api));
}
