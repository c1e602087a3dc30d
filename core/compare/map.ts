/**
 * Country outlines for the regime map, from Natural Earth via world-atlas (countries-110m, ISC), projected
 * with d3-geo: no geometry is drawn by hand. Feature ids are ISO 3166-1 numeric codes, as in our
 * jurisdictions' `isoNumeric`.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface CountryShape {
  /** ISO 3166-1 numeric code; absent for a few disputed areas Natural Earth draws without one. */
  id?: string;
  name: string;
  d: string;
}

/** Antarctica takes a fifth of the height at this projection and has no regime of its own. */
const LEFT_OUT = new Set(['010']);

export function countryShapes(topology: Topology, width: number, height: number): CountryShape[] {
  const countries = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const features = countries.features.filter((f) => !LEFT_OUT.has(String(f.id)));
  const projection = geoEqualEarth().fitSize([width, height], { type: 'FeatureCollection', features });
  const path = geoPath(projection);
  return features
    .map((f) => ({ id: f.id === undefined ? undefined : String(f.id), name: f.properties?.name ?? '', d: path(f) ?? '' }))
    .filter((s) => s.d);
}

let atlas: Promise<Topology> | undefined;

/** The atlas, imported once (its own chunk, loaded when the map first renders). */
export function loadAtlas(): Promise<Topology> {
  atlas ??= import('world-atlas/countries-110m.json').then((m) => m.default as unknown as Topology);
  return atlas;
}
