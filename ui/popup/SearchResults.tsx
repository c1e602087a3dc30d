import type { SearchDoc } from '../../core/search-doc';
import { STATUS_LABEL } from '../../core/format';
import { BindingBadge } from '../common/BindingBadge';
import { t } from '../../platform/i18n';

const KIND_LABEL = {
  framework: t('kindFramework'),
  jurisdiction: t('jurisdiction'),
  technology: t('technology'),
  citation: t('kindCitation'),
} as const;

export interface ResultSection {
  /** Shown above the section's options ("Recent", "On this page"); none for plain results. */
  title?: string;
  docs: SearchDoc[];
}

export const optionId = (i: number) => `rl-option-${i}`;

/**
 * The options of the search box's listbox, in sections, numbered across sections so one active index (the
 * search box's `aria-activedescendant`) walks them all.
 */
export function SearchResults({
  id,
  sections,
  active,
  onChoose,
}: {
  id: string;
  sections: ResultSection[];
  active: number;
  onChoose: (doc: SearchDoc) => void;
}) {
  let n = 0;
  const shown = sections.filter((s) => s.docs.length);
  if (!shown.length) return null;
  return (
    <div class="rl-results" id={id} role="listbox" aria-label={t('results')}>
      {shown.map((s, k) => (
        <div key={s.title ?? k} role="group" aria-label={s.title ?? t('results')} class="rl-results__group">
          {s.title ? (
            <div class="rl-results__title" aria-hidden="true">
              {s.title}
            </div>
          ) : null}
          <ul role="none">
            {s.docs.map((doc) => {
              const i = n++;
              return <ResultRow key={`${doc.kind}:${doc.id}`} doc={doc} id={optionId(i)} active={i === active} onChoose={onChoose} />;
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

function ResultRow({ doc, id, active, onChoose }: { doc: SearchDoc; id: string; active: boolean; onChoose: (doc: SearchDoc) => void }) {
  const title = doc.shortName ?? doc.name;
  return (
    <li
      role="option"
      id={id}
      aria-selected={active}
      class={active ? 'rl-hit is-active' : 'rl-hit'}
      data-id={doc.id}
      data-kind={doc.kind}
      onClick={() => onChoose(doc)}
    >
      <span class="rl-hit__line">
        <span class="rl-hit__name">{title}</span>
        <span class="rl-hit__kind">{KIND_LABEL[doc.kind]}</span>
      </span>
      {doc.shortName && doc.shortName !== doc.name ? <span class="rl-hit__full">{doc.name}</span> : null}
      <span class="rl-hit__meta">
        {doc.binding ? <BindingBadge binding={doc.binding} /> : null}
        <span class="rl-hit__scope">{doc.scope}</span>
        {doc.status ? <span class="rl-hit__status">{STATUS_LABEL[doc.status]}</span> : null}
      </span>
    </li>
  );
}
