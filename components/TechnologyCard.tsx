import type { Technology } from '../data/schema';

export function TechnologyCard({ t }: { t: Technology }) {
  return (
    <article class="rl-card" data-kind="technology" data-id={t.id} aria-label={t.name}>
      <header>
        <h2 class="rl-card__title">{t.name}</h2>
        <p class="rl-card__meta">Emerging technology</p>
      </header>
      <p class="rl-summary">{t.summary}</p>
      {t.subAreas.length ? (
        <p>
          <span class="rl-muted">Includes: </span>
          {t.subAreas.map((s) => s.name).join(', ')}
        </p>
      ) : null}
    </article>
  );
}
