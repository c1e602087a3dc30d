/**
 * The client side of the protocol in `messages.ts`. Imports only types from it, so that zod stays out
 * of the content script's bundle; the background validates every request it receives.
 */
import { browser } from 'wxt/browser';
import type { Request, Responses, Result } from './messages';

/** Sends a request to the background and unwraps the result; rejects with the background's error. */
export async function send<T extends Request['type']>(req: Extract<Request, { type: T }>): Promise<Responses[T]> {
  const res = (await browser.runtime.sendMessage(req)) as Result<Responses[T]> | undefined;
  if (!res) throw new Error('no answer from the background');
  if (!res.ok) throw new Error(res.error);
  return res.value;
}
