import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii'), `${file} is a PNG`).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('icons', () => {
  it.each([16, 32, 48, 96, 128])('exports a %i px PNG from the SVG sources (npm run icons)', (size) => {
    expect(pngSize(`public/icon/${size}.png`)).toEqual([size, size]);
  });

  it('keeps the SVG sources next to them', () => {
    for (const f of ['public/icon.svg', 'public/icon-toolbar.svg']) expect(readFileSync(f, 'utf8')).toMatch(/^<svg[^>]+viewBox/);
  });
});
