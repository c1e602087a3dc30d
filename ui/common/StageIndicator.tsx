import type { Stage, StageId } from '../../data/schema';
import { t } from '../../platform/i18n';

/** The harmonization cycle as seven steps, the current one marked. */
export function StageIndicator({ stages, current }: { stages: Stage[]; current: StageId }) {
  const at = stages.find((s) => s.id === current);
  return (
    <div class="rl-stages" role="img" aria-label={t('stageIndicator', [at?.name ?? current, at?.order ?? '?', stages.length])}>
      <ol>
        {stages.map((s) => (
          <li key={s.id} class={s.id === current ? 'is-current' : s.order < (at?.order ?? 0) ? 'is-done' : ''} title={s.name} />
        ))}
      </ol>
      <span class="rl-stages__label">{at?.name ?? current}</span>
    </div>
  );
}
