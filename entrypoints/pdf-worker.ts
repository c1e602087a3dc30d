// pdf.js's worker as a file of the extension (a page may start workers only from its own origin, and the
// CSP allows no blob: or remote code). It parses PDFs off the reader's main thread; loading it starts it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { WorkerMessageHandler } from 'pdfjs-dist/build/pdf.worker.mjs';
import { installPdfjsCompat } from '../page/reader/pdfjs-compat';

// What pdf.js's modern build needs of the oldest browsers the manifest admits, before its first message.
export default defineUnlistedScript(() => {
  installPdfjsCompat();
  void WorkerMessageHandler;
});
