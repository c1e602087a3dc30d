import { describe, expect, it } from 'vitest';
import { fromBase64, getOrInsert, getOrInsertComputed, installPdfjsCompat, toBase64, toHex } from '../../page/reader/pdfjs-compat';

describe('the built-ins pdf.js expects of older browsers', () => {
  it('getOrInsertComputed computes and stores a missing value once, and returns a present one untouched', () => {
    const m = new Map<string, number[]>([['a', [1]]]);
    let calls = 0;
    const make = (k: unknown) => {
      calls++;
      return [String(k).length];
    };
    expect(getOrInsertComputed.call(m, 'a', make)).toEqual([1]);
    const b = getOrInsertComputed.call(m, 'bb', make);
    expect(b).toEqual([2]);
    expect(getOrInsertComputed.call(m, 'bb', make)).toBe(b);
    expect(calls).toBe(1);
    expect(() => getOrInsertComputed.call(m, 'c', 1 as never)).toThrow(TypeError);
    const w = new WeakMap<object, string>();
    const key = {};
    expect(getOrInsertComputed.call(w, key, () => 'x')).toBe('x');
    expect(w.get(key)).toBe('x');
  });

  it('getOrInsert stores the given value only when the key is missing', () => {
    const m = new Map([['a', 1]]);
    expect(getOrInsert.call(m, 'a', 2)).toBe(1);
    expect(getOrInsert.call(m, 'b', 3)).toBe(3);
    expect([...m]).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
  });

  it('hex and base64 read and write bytes as the standard methods do', () => {
    const bytes = new Uint8Array([0, 1, 15, 16, 127, 128, 250, 255]);
    expect(toHex.call(bytes)).toBe('00010f107f80faff');
    expect(toBase64.call(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect([...fromBase64(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
    expect([...fromBase64('AAEP\nEH+A+v8')]).toEqual([...bytes]);
    expect(() => fromBase64('not*base64')).toThrow(SyntaxError);
    // Large inputs too (the bytes are passed in chunks).
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(toBase64.call(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('installs only what is missing, as non-enumerable methods', () => {
    const own = Map.prototype.has;
    installPdfjsCompat();
    expect(typeof (new Map() as unknown as { getOrInsertComputed: unknown }).getOrInsertComputed).toBe('function');
    expect(typeof (new Uint8Array() as unknown as { toHex: unknown }).toHex).toBe('function');
    expect(Object.keys(Map.prototype)).not.toContain('getOrInsertComputed');
    expect(Map.prototype.has).toBe(own);
  });
});
