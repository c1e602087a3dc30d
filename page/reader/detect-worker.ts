// The reader's detection worker (detect-protocol.ts): the pure core, off the reader's main thread. Bundled
// by Vite as a worker of the reader page (an extension file, started from entrypoints/reader/main.tsx);
// it has no extension API and answers only the page that started it.
import { fusePairScore } from '../../core/detect/fuzzy-score';
import { matcherFromTables, type Matcher } from '../../core/detect/matcher';
import { PdfScanner } from '../../core/detect/pdf-scan';
import { isToDetectWorker, type FromDetectWorker } from './detect-protocol';

{
  const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: FromDetectWorker): void };
  let matcher: Matcher | undefined;
  let scanner: PdfScanner | undefined;
  scope.onmessage = (e: MessageEvent) => {
    const m: unknown = e.data;
    if (!isToDetectWorker(m)) return;
    try {
      if (m.type === 'tables') {
        const began = performance.now();
        matcher = matcherFromTables(m.tables, { score: fusePairScore });
        // The regex is compiled on first use: pay it now, before the first page.
        matcher.scan('GDPR and the EU AI Act apply in the European Union.');
        scanner = new PdfScanner(matcher);
        scope.postMessage({ type: 'ready', compileMs: performance.now() - began });
      } else if (scanner) {
        const began = performance.now();
        const detections = scanner.scanPage(m.text, m.before, m.after);
        scope.postMessage({ type: 'found', n: m.n, detections, scanMs: performance.now() - began });
      }
    } catch (err) {
      scope.postMessage({ type: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };
}
