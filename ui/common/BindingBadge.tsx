import type { Binding } from '../../data/schema';
import { BINDING_LABEL } from '../../core/format';

export function BindingBadge({ binding }: { binding: Binding }) {
  return (
    <span class={`rl-badge rl-badge--${binding}`} data-binding={binding}>
      {BINDING_LABEL[binding]}
    </span>
  );
}
