/**
 * Where pdf.js draws a page: an OffscreenCanvas, handed to the page's own canvas in one step when the drawing
 * is done (an ImageBitmap moved, not copied). pdf.js draws in chunks, one per animation frame; drawn on the
 * canvas in the page, each chunk changed what the page shows, and every one of those frames paid for laying
 * out, painting and committing it, besides the chunk itself. Off screen, the page changes once.
 */
export interface DrawingSurface {
  /** What pdf.js draws on (its `canvas` render parameter). */
  target: HTMLCanvasElement;
  /** Shows what was drawn on the page's canvas. */
  show(): void;
}

export function drawingSurface(canvas: HTMLCanvasElement): DrawingSurface {
  if (typeof OffscreenCanvas === 'undefined') return { target: canvas, show: () => undefined };
  const off = new OffscreenCanvas(canvas.width, canvas.height);
  return {
    // pdf.js reads only what both canvases have (getContext, width, height); its types name the element alone.
    target: off as unknown as HTMLCanvasElement,
    show: () => canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(off.transferToImageBitmap()),
  };
}
