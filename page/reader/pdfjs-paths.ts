/** The pdf.js worker's path in the build (entrypoints/pdf-worker.ts). */
export const PDF_WORKER_PATH = '/pdf-worker.js';
