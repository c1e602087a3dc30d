// pdf.js's worker as a file of the extension (a page may start workers only from its own origin, and the
// CSP allows no blob: or remote code). It parses PDFs off the reader's main thread; loading it starts it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { WorkerMessageHandler } from 'pdfjs-dist/build/pdf.worker.mjs';

export default defineUnlistedScript(() => void WorkerMessageHandler);
