import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '../../data/schema';
import { KINDS, normalizeHost, updateSettings, watchSettings, type Density, type Settings, type Theme } from '../../utils/settings';

const KIND_LABEL: Record<EntityKind, string> = { framework: 'Frameworks', jurisdiction: 'Jurisdictions', technology: 'Technologies' };
const THEME_LABEL: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/**
 * Every setting, saved the moment it changes; open tabs apply it at once (they watch the same storage
 * item). Changes made elsewhere (another options tab, the popup's "pause on this site") show up here too.
 */
export function SettingsForm({ initial }: { initial: Settings }) {
  const [s, setS] = useState(initial);
  const [status, setStatus] = useState('');
  const [newHost, setNewHost] = useState('');
  const [hostError, setHostError] = useState('');

  useEffect(() => watchSettings(setS), []);

  const change = (fn: (s: Settings) => Settings) => {
    setS(fn(s));
    updateSettings(fn).then(
      () => setStatus('Saved. Open tabs are updated.'),
      (e: unknown) => setStatus(`Not saved: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  const addHost = (e: Event) => {
    e.preventDefault();
    const raw = newHost.trim().replace(/^[a-z]+:\/\//i, '').replace(/[/:].*$/, '');
    const host = normalizeHost(raw);
    if (!host) {
      setHostError(`"${newHost}" is not a site name, such as example.org.`);
      return;
    }
    setHostError('');
    setNewHost('');
    change((x) => ({ ...x, pausedHosts: x.pausedHosts.includes(host) ? x.pausedHosts : [...x.pausedHosts, host] }));
  };

  return (
    <main class="rl-options">
      <h1>Regulatory Lens settings</h1>
      <section aria-labelledby="h-general">
        <h2 id="h-general">On pages</h2>
        <label class="rl-check">
          <input type="checkbox" name="enabled" checked={s.enabled} onChange={(e) => change((x) => ({ ...x, enabled: (e.target as HTMLInputElement).checked }))} />
          Highlight mentions on web pages
        </label>
      </section>

      <section aria-labelledby="h-kinds">
        <h2 id="h-kinds">What to highlight</h2>
        <table class="rl-kinds">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Highlight</th>
              <th scope="col">Every mention</th>
              <th scope="col">First mention only</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((k) => (
              <tr key={k} data-kind={k}>
                <th scope="row">{KIND_LABEL[k]}</th>
                <td>
                  <input
                    type="checkbox"
                    name={`kind-${k}`}
                    aria-label={`Highlight ${KIND_LABEL[k].toLowerCase()}`}
                    checked={s.kinds[k]}
                    onChange={(e) => change((x) => ({ ...x, kinds: { ...x.kinds, [k]: (e.target as HTMLInputElement).checked } }))}
                  />
                </td>
                {(['every', 'first'] as Density[]).map((d) => (
                  <td key={d}>
                    <input
                      type="radio"
                      name={`density-${k}`}
                      value={d}
                      aria-label={`${KIND_LABEL[k]}: ${d === 'every' ? 'every mention' : 'first mention only'}`}
                      checked={s.density[k] === d}
                      disabled={!s.kinds[k]}
                      onChange={() => change((x) => ({ ...x, density: { ...x.density, [k]: d } }))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="rl-muted">"First mention only" highlights each framework, jurisdiction or technology once per page, where the page first names it.</p>
      </section>

      <section aria-labelledby="h-theme">
        <h2 id="h-theme">Card theme</h2>
        <label>
          <span class="rl-visually-hidden">Card theme</span>
          <select name="theme" class="rl-select" value={s.theme} onChange={(e) => change((x) => ({ ...x, theme: (e.target as HTMLSelectElement).value as Theme }))}>
            {(Object.keys(THEME_LABEL) as Theme[]).map((t) => (
              <option key={t} value={t}>
                {THEME_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section aria-labelledby="h-paused">
        <h2 id="h-paused">Paused sites</h2>
        {s.pausedHosts.length ? (
          <ul class="rl-hosts">
            {s.pausedHosts.map((h) => (
              <li key={h} data-host={h}>
                <span>{h}</span>
                <button type="button" class="rl-action" aria-label={`Resume on ${h}`} onClick={() => change((x) => ({ ...x, pausedHosts: x.pausedHosts.filter((y) => y !== h) }))}>
                  Resume
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="rl-muted">No site is paused.</p>
        )}
        <form class="rl-add-host" onSubmit={addHost}>
          <label>
            Pause on a site
            <input
              type="text"
              name="host"
              placeholder="example.org"
              value={newHost}
              aria-invalid={hostError ? true : undefined}
              aria-describedby={hostError ? 'host-error' : undefined}
              onInput={(e) => setNewHost((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="rl-action">
            Pause
          </button>
          {hostError ? (
            <p id="host-error" class="rl-error">
              {hostError}
            </p>
          ) : null}
        </form>
      </section>
      <p class="rl-status" role="status">
        {status}
      </p>
    </main>
  );
}
