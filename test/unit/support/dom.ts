/** Replaces the test document's body (happy-dom) and returns it. */
export function dom(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}
