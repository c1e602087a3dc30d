import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { loadDataset } from '../../data/index';
import {
  adoptedPerYear,
  adoptionSeries,
  adoptionYear,
  axis,
  coalitionsPerYear,
  FIRST_YEAR,
  regimeMap,
  stageCounts,
  yearRange,
} from '../../core/compare/charts';
import { countryShapes } from '../../core/compare/map';
import { regimeFor } from '../../core/regime';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));
const years = yearRange(FIRST_YEAR, 2026);

describe('frameworks adopted per year', () => {
  it('counts a framework in the year it was adopted, else entered into force; never-adopted proposals not at all', () => {
    expect(adoptionYear(d.frameworks.find((f) => f.id === 'gdpr')!)).toBe(2016);
    expect(adoptionYear(d.frameworks.find((f) => f.id === 'bipa')!)).toBe(2008);
    expect(adoptionYear(d.frameworks.find((f) => f.id === 'california-sb-1047')!)).toBeUndefined();
  });

  it('has one point per year from 2015, summing to the frameworks adopted in that range', () => {
    const points = adoptedPerYear(d.frameworks, years);
    expect(points.map((p) => p.year)).toEqual(years);
    const inRange = d.frameworks.filter((f) => {
      const y = adoptionYear(f);
      return y !== undefined && y >= FIRST_YEAR && y <= 2026;
    });
    expect(points.reduce((n, p) => n + p.count, 0)).toBe(inRange.length);
    for (const p of points) expect(p.ids).toHaveLength(p.count);
    expect(points.find((p) => p.year === 2016)!.ids).toContain('gdpr');
  });

  it('adds one line per chosen jurisdiction, counting what binds it, filtered by technology', () => {
    const series = adoptionSeries({ frameworks: d.frameworks, chosen: [byId.get('eu')!, byId.get('us')!], byId, technology: 'ai', years });
    expect(series.map((s) => s.id)).toEqual(['all', 'eu', 'us']);
    const eu = series[1]!;
    expect(eu.points.find((p) => p.year === 2024)!.ids).toContain('eu-ai-act');
    // Reach is not commitment: the EU AI Act is not on the US line.
    expect(series[2]!.points.flatMap((p) => p.ids)).not.toContain('eu-ai-act');
    for (const s of series)
      for (const id of s.points.flatMap((p) => p.ids)) expect(d.frameworks.find((f) => f.id === id)!.technologies).toContain('ai');
  });
});

describe('coalitions founded per year', () => {
  it('counts each coalition once, and names those founded before the first year', () => {
    const { points, earlier } = coalitionsPerYear(d.coalitions, years);
    const inRange = d.coalitions.filter((c) => c.founded >= FIRST_YEAR && c.founded <= 2026).length;
    expect(points.reduce((n, p) => n + p.count, 0)).toBe(inRange);
    expect(earlier).toHaveLength(d.coalitions.filter((c) => c.founded < FIRST_YEAR).length);
    expect(earlier.map((c) => c.founded)).toEqual([...earlier.map((c) => c.founded)].sort((a, b) => a - b));
  });

  it('filters by technology', () => {
    const { points } = coalitionsPerYear(d.coalitions, years, 'quantum');
    expect(points.reduce((n, p) => n + p.count, 0)).toBe(
      d.coalitions.filter((c) => c.technologies.includes('quantum') && c.founded >= FIRST_YEAR).length,
    );
  });
});

describe('the harmonization cycle', () => {
  it('lists every stage in order, with every framework at exactly one', () => {
    const counts = stageCounts(d.frameworks, d.stages);
    expect(counts.map((c) => c.stage.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(counts.reduce((n, c) => n + c.frameworks.length, 0)).toBe(d.frameworks.length);
    const ai = stageCounts(d.frameworks, d.stages, 'ai');
    expect(ai.reduce((n, c) => n + c.frameworks.length, 0)).toBe(d.frameworks.filter((f) => f.technologies.includes('ai')).length);
  });
});

describe('the regime map', () => {
  it('has an entry for every jurisdiction with an ISO numeric code, EU member states at least as strict as the EU', () => {
    const map = regimeMap(d.jurisdictions, d.frameworks, byId, 'ai');
    expect(map.size).toBe(d.jurisdictions.filter((j) => j.isoNumeric).length);
    const rank = { none: 0, emerging: 1, moderate: 2, strict: 3 };
    const eu = regimeFor(byId.get('eu')!, 'ai', d.frameworks, byId).regime;
    for (const j of d.jurisdictions.filter((j) => j.memberOf.includes('eu'))) {
      expect(rank[map.get(j.isoNumeric!)!.regime.regime]).toBeGreaterThanOrEqual(rank[eu]);
    }
    expect(map.get('276')!.main?.id).toBe('eu-ai-act');
  });

  it('draws countries from world-atlas, keyed by ISO numeric code, without Antarctica', () => {
    const topology = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../node_modules/world-atlas/countries-110m.json'), 'utf8'),
    ) as Topology;
    const shapes = countryShapes(topology, 360, 180);
    const ids = new Set(shapes.map((s) => s.id));
    for (const j of d.jurisdictions.filter((j) => j.memberOf.includes('eu') && j.id !== 'mt')) expect(ids, j.id).toContain(j.isoNumeric);
    expect(ids).not.toContain('010');
    for (const s of shapes) expect(s.d).toMatch(/^M[\d.-]/);
  });
});

describe('axes', () => {
  it('rounds the maximum up to a step of 1, 2 or 5 times a power of ten', () => {
    expect(axis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(axis(7).max).toBeGreaterThanOrEqual(7);
    expect(axis(23)).toEqual({ max: 25, ticks: [0, 5, 10, 15, 20, 25] });
    expect(axis(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
  });
});
