import type { Regime } from '../../core/regime';
import { REGIME_LABEL } from '../../core/compare/comparison';

/** A regime as a swatch (the map's colour) plus its word, so colour is never the only cue. */
export function RegimeChip({ regime }: { regime: Regime }) {
  return (
    <span class="rl-cmp-regime" data-regime={regime}>
      <span class={`rl-cmp-swatch rl-cmp-swatch--${regime}`} aria-hidden="true" />
      {REGIME_LABEL[regime]}
    </span>
  );
}
