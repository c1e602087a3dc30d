/** Which frameworks apply to a jurisdiction: its own, those of blocs it belongs to, and international ones it has joined. */
import type { Framework, Jurisdiction } from '../data/schema';

export type Reach = 'own' | 'membership' | 'extraterritorial';

export interface ApplicableFramework {
  framework: Framework;
  reach: Reach;
  /** The bloc or organization through which it applies, for `membership`. */
  via?: string;
}

export function frameworksFor(j: Jurisdiction, frameworks: Framework[]): ApplicableFramework[] {
  const out: ApplicableFramework[] = [];
  for (const f of frameworks) {
    if (f.scope.jurisdictions.includes(j.id)) out.push({ framework: f, reach: 'own' });
    else {
      const via = j.memberOf.find((m) => f.scope.jurisdictions.includes(m));
      if (via) out.push({ framework: f, reach: 'membership', via });
    }
  }
  return out.sort((a, b) => (a.framework.shortName ?? a.framework.name).localeCompare(b.framework.shortName ?? b.framework.name));
}
