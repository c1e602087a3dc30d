/**
 * A page's text content handed to pdf.js's TextLayer a slice at a time, the page getting the thread back
 * between slices: the text layer lays out every item (a span, a font measure) in one task when given the
 * whole content, which on a dense page holds the thread past 50 ms. TextLayer reads a ReadableStream of
 * content chunks, as pdf.js's own streamTextContent() gives it; items keep their order, so `textDivs[i]`
 * is still item `i`.
 */
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { yieldToPage } from '../pump';

/** Items laid out per task: a dense page (about 1,500 items) in 6-8 tasks of a few milliseconds. */
export const TEXT_ITEMS_PER_SLICE = 200;

export function textContentInSlices(content: TextContent, perSlice = TEXT_ITEMS_PER_SLICE): ReadableStream<TextContent> {
  let at = 0;
  return new ReadableStream<TextContent>(
    {
      async pull(controller) {
        if (at > 0) await yieldToPage();
        const items = content.items.slice(at, at + perSlice);
        // The styles and language come with the first slice (TextLayer keeps them for the rest).
        controller.enqueue(at === 0 ? { ...content, items } : { items, styles: {}, lang: content.lang });
        at += perSlice;
        if (at >= content.items.length) controller.close();
      },
    },
    // One slice at a time: the next is made only when TextLayer asks for it.
    { highWaterMark: 0 },
  );
}
