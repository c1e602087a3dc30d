// Unit tests run under Node with wxt/testing's fakeBrowser, whose i18n.getMessage throws "not implemented".
// Answer it from the English catalogue the way the browser does ($1..$9 substituted), so utilities that
// build on-screen text are tested with the words a reader sees.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';

const catalogue = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const message = catalogue[name]?.message ?? '';
  return message.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}) as typeof fakeBrowser.i18n.getMessage;
