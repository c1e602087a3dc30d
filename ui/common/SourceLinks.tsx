import type { Source } from '../../data/schema';
import { t } from '../../platform/i18n';

/** Only https links become links: the dataset can never smuggle in another scheme. */
export function SourceLinks({ sources }: { sources: Source[] }) {
  return (
    <ul class="rl-sources">
      {sources.map((s) =>
        s.url.startsWith('https://') ? (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
            {s.official ? <span class="rl-muted"> {t('officialSource')}</span> : null}
          </li>
        ) : (
          <li key={s.url}>{s.title}</li>
        ),
      )}
    </ul>
  );
}
