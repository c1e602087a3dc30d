import type { RegimeRow } from '../../protocol/messages';
import { REGIME_RULE, type Regime } from '../../core/regime';
import { t } from '../../platform/i18n';

export const REGIME_LABEL: Record<Regime, string> = {
  strict: t('regimeStrict'),
  moderate: t('regimeModerate'),
  emerging: t('regimeEmerging'),
  none: t('regimeNone'),
};

/** A jurisdiction's regime per technology, each with the instruments that decided it, and the rule in words. */
export function RegimeList({ rows }: { rows: RegimeRow[] }) {
  return (
    <section class="rl-section" aria-label={t('regimeByTechnology')}>
      <h3>{t('regimeByTechnology')}</h3>
      <ul class="rl-regimes">
        {rows.map((r) => (
          <li key={r.technology} data-technology={r.technology} data-regime={r.regime}>
            <span class="rl-regimes__tech">{r.name}</span>
            <RegimeChip regime={r.regime} />
            {r.decisive.length ? <span class="rl-muted rl-regimes__why">{r.decisive.map((f) => f.name).join(', ')}</span> : null}
          </li>
        ))}
      </ul>
      <RegimeRules />
    </section>
  );
}

export function RegimeChip({ regime }: { regime: Regime }) {
  return (
    <span class={`rl-regime rl-regime--${regime}`} data-regime={regime}>
      {REGIME_LABEL[regime]}
    </span>
  );
}

/** The rule is shown, not implied: a regime is derived from the dataset, never typed by hand. */
export function RegimeRules() {
  return (
    <details class="rl-rules">
      <summary>{t('howRegimesAreDecided')}</summary>
      <dl>
        {(Object.keys(REGIME_RULE) as Regime[]).map((r) => (
          <div key={r}>
            <dt>{REGIME_LABEL[r]}</dt>
            <dd>{REGIME_RULE[r]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
