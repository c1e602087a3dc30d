import { render } from 'preact';
import { GlobalWorkerOptions, TextLayer, getDocument } from 'pdfjs-dist';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ReaderApp } from '../../page/reader/ReaderApp';
import { backgroundLink } from '../../page/background-link';
import { createCardUi } from '../../page/card-ui';
import { PAGE_REQUEST_TYPES } from '../../protocol/page';
import { answerPageRequest } from '../../page/page-requests';
import { PDF_WORKER_PATH } from '../../page/reader/pdfjs-paths';
import { installPdfjsCompat } from '../../page/reader/pdfjs-compat';
import { ReaderSession } from '../../page/reader/session';
import { loadSettings, watchSettings } from '../../platform/settings';
import { t } from '../../platform/i18n';
import './reader.css';

installPdfjsCompat();
// pdf.js parses in its own worker, an extension file (the CSP allows no other).
GlobalWorkerOptions.workerSrc = browser.runtime.getURL(PDF_WORKER_PATH);
document.title = t('readerTitle');

const ctx = new ContentScriptContext('reader');
// The same link to the background as the content script's (tables asked for at once, entity views cached), with the card UI bundled.
const link = backgroundLink(ctx, async () => createCardUi);
const session = new ReaderSession({
  ctx,
  pdfjs: { getDocument, TextLayer },
  tables: link.loadMatcherTables,
  // Vite bundles the worker as a file of the extension (the CSP allows workers from the package only).
  detectWorker: () => new Worker(new URL('../../page/reader/detect-worker.ts', import.meta.url), { type: 'module' }),
  settings: () => loadSettings(),
  createCard: link.createCard,
  requestOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
});
watchSettings((s) => session.applySettings(s));

// The popup asks a tab what it mentions with the page protocol; this tab answers for its document.
browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; tab?: unknown }) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && PAGE_REQUEST_TYPES.has(type) ? answerPageRequest(message, session) : undefined;
});

const remote = new URLSearchParams(location.search).get('url');
if (remote) session.offerRemote(remote);
// For tests and the benchmark: the session, as the page's own global (an extension page: no site sees it).
(window as unknown as { __rlReader?: ReaderSession }).__rlReader = session;

render(<ReaderApp session={session} />, document.getElementById('app')!);
