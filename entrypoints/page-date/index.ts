import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { readPageDate } from '../../page/page-date';
import { providePageDateReader } from '../../page/page-date-module';

/**
 * Reading the page's own date as a module of its own, imported by the content script when the popup asks
 * (page/page-date-module.ts). Outside the extension's world (a page loading the file itself) it provides nothing.
 */
export default defineUnlistedScript(
  () => void providePageDateReader((doc) => readPageDate(doc)?.date, { extensionId: browser.runtime?.id }),
);
