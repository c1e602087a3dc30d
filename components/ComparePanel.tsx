import { useMemo, useState } from 'preact/hooks';
import type { Framework, Jurisdiction } from '../data/schema';
import { frameworksFor } from '../utils/compare';
import { frameworkYear, STATUS_LABEL } from '../utils/format';
import { BindingBadge } from './BindingBadge';

export function ComparePanel({ jurisdictions, frameworks, initial }: { jurisdictions: Jurisdiction[]; frameworks: Framework[]; initial: [string, string] }) {
  const [chosen, setChosen] = useState<[string, string]>(initial);
  const options = useMemo(
    () => jurisdictions.filter((j) => j.kind !== 'organization').sort((a, b) => a.name.localeCompare(b.name)),
    [jurisdictions],
  );
  const byId = new Map(jurisdictions.map((j) => [j.id, j]));
  return (
    <main class="rl-panel">
      <h1>Compare jurisdictions</h1>
      <div class="rl-pickers">
        {chosen.map((id, i) => (
          <label key={i}>
            <span class="rl-visually-hidden">Jurisdiction {i + 1}</span>
            <select
              class="rl-select"
              data-testid={`pick-${i}`}
              value={id}
              onChange={(e) => {
                const next = [...chosen] as [string, string];
                next[i] = (e.target as HTMLSelectElement).value;
                setChosen(next);
              }}
            >
              {options.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div class="rl-columns">
        {chosen.map((id, i) => {
          const j = byId.get(id);
          if (!j) return null;
          const list = frameworksFor(j, frameworks);
          return (
            <section key={i} data-jurisdiction={id} aria-label={j.name}>
              <h2>{j.shortName ?? j.name}</h2>
              {list.length ? (
                <ul>
                  {list.map(({ framework: f, via }) => (
                    <li key={f.id} data-id={f.id}>
                      <strong>{f.shortName ?? f.name}</strong>
                      <span>
                        <BindingBadge binding={f.binding} /> <span class="rl-muted">{STATUS_LABEL[f.status]} · {frameworkYear(f)}</span>
                      </span>
                      {via ? <span class="rl-muted">through {byId.get(via)?.shortName ?? via}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="rl-muted">No frameworks in the dataset yet.</p>
              )}
            </section>
          );
        })}
      </div>
    </main>
  );
}
