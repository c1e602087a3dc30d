// pdf.js ships no types for its worker build; the worker entry only needs it loaded.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
