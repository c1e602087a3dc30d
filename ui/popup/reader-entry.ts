/**
 * The popup's way into the PDF reader: a tab showing a PDF (as far as its address tells) gets an
 * "Open in Regulatory Lens" button, which opens the reader in a new tab with the PDF's address. The reader
 * fetches nothing until the user asks it to (page/reader/session.ts).
 */
import { browser } from 'wxt/browser';
import type { TargetTab } from './page-client';

/** The tab's PDF address: an http(s) address whose path ends in .pdf. */
export function pdfUrlOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && /\.pdf$/i.test(u.pathname) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The reader's address for a remote PDF. */
export function readerUrlFor(pdfUrl: string): string {
  return `${browser.runtime.getURL('/reader.html')}?url=${encodeURIComponent(pdfUrl)}`;
}

/** The PDF the popup's tab shows, from the address the browser gives (activeTab) or the page reports. */
export async function pdfOfTab(
  tab: TargetTab | undefined,
  reportedUrl: (tab: TargetTab) => Promise<string | undefined>,
): Promise<string | undefined> {
  if (!tab) return undefined;
  return pdfUrlOf(tab.url) ?? pdfUrlOf(await reportedUrl(tab).catch(() => undefined));
}

export async function openReader(pdfUrl: string): Promise<void> {
  await browser.tabs.create({ url: readerUrlFor(pdfUrl) });
}
