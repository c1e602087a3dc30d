import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { loadDataset } from '../data/index';
import { createService } from '../background/service';
import { relayCommands } from '../background/commands';
import { handleRequest, isOwnSender } from '../protocol/messages';

export default defineBackground(() => {
  const { handlers, reseedIfNeeded, installed } = createService(loadDataset());
  // Check at start-up: a database damaged or emptied while the worker slept is re-seeded before use.
  void reseedIfNeeded();
  browser.runtime.onInstalled.addListener(() => void installed());
  // The browse-mentions shortcut reaches only the background: pass it on to the tab's content script.
  relayCommands();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isOwnSender(sender, browser.runtime.id)) return undefined;
    return handleRequest(message, handlers, sender);
  });
});
