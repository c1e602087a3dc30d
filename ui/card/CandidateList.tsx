import type { Candidate } from '../../core/detect/matcher';
import { t } from '../../platform/i18n';

/**
 * A name shared by several entities ("AI Act") that the page's context could not resolve: every entity it
 * may mean, the one shown marked, each one a button that shows its card instead.
 */
export function CandidateList({
  text,
  candidates,
  current,
  onChoose,
}: {
  text: string;
  candidates: Candidate[];
  current: string;
  onChoose: (id: string) => void;
}) {
  return (
    <section class="rl-candidates" aria-label={t('possibleMeanings')}>
      <p class="rl-candidates__lead">{candidates.length === 2 ? t('mayMeanEither', text) : t('mayMeanAny', [text, candidates.length])}</p>
      <ul>
        {candidates.map((c) => (
          <li key={c.id}>
            <button type="button" class="rl-candidate" data-id={c.id} aria-pressed={c.id === current} onClick={() => onChoose(c.id)}>
              {c.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
