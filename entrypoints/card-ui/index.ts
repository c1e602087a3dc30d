import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { provideCardFactory } from '../../page/card-module';
import { createCardUi } from '../../page/card-ui';

/**
 * The card UI as a module of its own, imported by the content script the first time a card is needed
 * (page/card-module.ts). Outside the extension's world (a page loading the file itself) it provides nothing.
 */
export default defineUnlistedScript(() => void provideCardFactory(createCardUi, { extensionId: browser.runtime?.id }));
