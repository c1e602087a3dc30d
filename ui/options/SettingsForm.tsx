import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '../../data/schema';
import { ENTITY_KINDS } from '../../data/ids';
import { normalizeHost, watchSettings, type Density, type Settings, type Theme } from '../../platform/settings';
import { updateSettings } from '../../platform/settings-writer';
import { t } from '../../platform/i18n';

const KIND_LABEL: Record<EntityKind, string> = {
  framework: t('kindFrameworks'),
  jurisdiction: t('kindJurisdictions'),
  technology: t('kindTechnologies'),
  citation: t('kindCitations'),
};
const THEME_LABEL: Record<Theme, string> = { system: t('themeSystem'), light: t('themeLight'), dark: t('themeDark') };

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
      () => setStatus(t('settingsSaved')),
      (e: unknown) => setStatus(t('settingsNotSaved', e instanceof Error ? e.message : String(e))),
    );
  };

  const addHost = (e: Event) => {
    e.preventDefault();
    const raw = newHost
      .trim()
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/[/:].*$/, '');
    const host = normalizeHost(raw);
    if (!host) {
      setHostError(t('notASiteName', newHost));
      return;
    }
    setHostError('');
    setNewHost('');
    change((x) => ({ ...x, pausedHosts: x.pausedHosts.includes(host) ? x.pausedHosts : [...x.pausedHosts, host] }));
  };

  return (
    <main class="rl-options">
      <h1>{t('settingsTitle')}</h1>
      <section aria-labelledby="h-general">
        <h2 id="h-general">{t('onPages')}</h2>
        <label class="rl-check">
          <input
            type="checkbox"
            name="enabled"
            checked={s.enabled}
            onChange={(e) => change((x) => ({ ...x, enabled: (e.target as HTMLInputElement).checked }))}
          />
          {t('highlightMentions')}
        </label>
      </section>

      <section aria-labelledby="h-kinds">
        <h2 id="h-kinds">{t('whatToHighlight')}</h2>
        <table class="rl-kinds">
          <thead>
            <tr>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('highlight')}</th>
              <th scope="col">{t('everyMention')}</th>
              <th scope="col">{t('firstMentionOnly')}</th>
            </tr>
          </thead>
          <tbody>
            {ENTITY_KINDS.map((k) => (
              <tr key={k} data-kind={k}>
                <th scope="row">{KIND_LABEL[k]}</th>
                <td>
                  <input
                    type="checkbox"
                    name={`kind-${k}`}
                    aria-label={t('highlightKind', KIND_LABEL[k].toLowerCase())}
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
                      aria-label={t('kindDensity', [KIND_LABEL[k], d === 'every' ? t('everyMentionLower') : t('firstMentionOnlyLower')])}
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
        <p class="rl-muted">{t('firstMentionHelp')}</p>
      </section>

      <section aria-labelledby="h-theme">
        <h2 id="h-theme">{t('cardTheme')}</h2>
        <label>
          <span class="rl-visually-hidden">{t('cardTheme')}</span>
          <select
            name="theme"
            class="rl-select"
            value={s.theme}
            onChange={(e) => change((x) => ({ ...x, theme: (e.target as HTMLSelectElement).value as Theme }))}
          >
            {(Object.keys(THEME_LABEL) as Theme[]).map((t) => (
              <option key={t} value={t}>
                {THEME_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section aria-labelledby="h-paused">
        <h2 id="h-paused">{t('pausedSites')}</h2>
        {s.pausedHosts.length ? (
          <ul class="rl-hosts">
            {s.pausedHosts.map((h) => (
              <li key={h} data-host={h}>
                <span>{h}</span>
                <button
                  type="button"
                  class="rl-action"
                  aria-label={t('resumeOn', h)}
                  onClick={() => change((x) => ({ ...x, pausedHosts: x.pausedHosts.filter((y) => y !== h) }))}
                >
                  {t('resume')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="rl-muted">{t('noSitePaused')}</p>
        )}
        <form class="rl-add-host" onSubmit={addHost}>
          <label>
            {t('pauseOnASite')}
            <input
              type="text"
              name="host"
              placeholder={t('hostPlaceholder')}
              value={newHost}
              aria-invalid={hostError ? true : undefined}
              aria-describedby={hostError ? 'host-error' : undefined}
              onInput={(e) => setNewHost((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="rl-action">
            {t('pause')}
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
