/**
 * The few newer built-ins that pdf.js's modern build (pdfjs-dist/build) calls without a fallback, for the
 * oldest browsers the manifest admits: `Map`/`WeakMap.prototype.getOrInsertComputed` (absent from Firefox 140,
 * where every page's rendering fails without it, and from Chrome before 145) and Uint8Array's hex and base64
 * methods (Chrome before 140: the worker hashes every document to hex as it opens it). Imported before pdf.js,
 * in the reader page and in pdf.js's worker; a browser that has a method keeps its own. pdf.js's legacy build
 * would bring all of core-js instead, with code the store linters flag.
 */

type Upsert<K, V> = { has(key: K): boolean; get(key: K): V | undefined; set(key: K, value: V): unknown };

/** Map.prototype.getOrInsert (TC39 "upsert"): the value under `key`, after storing `value` there if none. */
export function getOrInsert<K, V>(this: Upsert<K, V>, key: K, value: V): V {
  if (this.has(key)) return this.get(key) as V;
  this.set(key, value);
  return value;
}

/** Map.prototype.getOrInsertComputed: the value under `key`, after storing `compute(key)` there if none. */
export function getOrInsertComputed<K, V>(this: Upsert<K, V>, key: K, compute: (key: K) => V): V {
  if (typeof compute !== 'function') throw new TypeError('getOrInsertComputed: the callback is not a function');
  if (this.has(key)) return this.get(key) as V;
  const value = compute(key);
  this.set(key, value);
  return value;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Uint8Array.prototype.toHex: two lower-case hex digits per byte. */
export function toHex(this: Uint8Array): string {
  let out = '';
  for (const b of this) out += HEX[b];
  return out;
}

/** Uint8Array.prototype.toBase64 with its defaults (standard alphabet, padded), which is how pdf.js calls it. */
export function toBase64(this: Uint8Array): string {
  let binary = '';
  // Chunks: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < this.length; i += 0x8000) binary += String.fromCharCode(...this.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uint8Array.fromBase64 with its defaults (standard alphabet, whitespace ignored, padding optional). */
export function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('fromBase64: not a string');
  // atob throws a DOMException on a character outside the alphabet; the built-in throws a SyntaxError.
  let binary: string;
  try {
    binary = atob(text.replace(/[\t\n\f\r ]/g, ''));
  } catch {
    throw new SyntaxError('fromBase64: not base64');
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function define(target: object, name: string, fn: unknown): void {
  if (name in target) return;
  // As the built-ins are: writable and configurable, not enumerable.
  Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false });
}

/** Adds what is missing (nothing where the browser has it all). */
export function installPdfjsCompat(): void {
  for (const proto of [Map.prototype, WeakMap.prototype]) {
    define(proto, 'getOrInsert', getOrInsert);
    define(proto, 'getOrInsertComputed', getOrInsertComputed);
  }
  define(Uint8Array.prototype, 'toHex', toHex);
  define(Uint8Array.prototype, 'toBase64', toBase64);
  define(Uint8Array, 'fromBase64', fromBase64);
}
