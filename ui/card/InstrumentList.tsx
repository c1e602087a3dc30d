import type { InstrumentRef } from '../../protocol/messages';
import { INSTRUMENT_LABEL, STATUS_LABEL } from '../../core/format';
import { t } from '../../platform/i18n';

/** Instruments as short lines: name, instrument type, status and year (binding nature is the caller's grouping or badge). */
export function InstrumentList({ items, more, label }: { items: InstrumentRef[]; more?: number; label: string }) {
  if (!items.length) return null;
  return (
    <>
      <ul class="rl-instruments" aria-label={label}>
        {items.map((f) => (
          <li key={f.id} data-id={f.id}>
            <span class="rl-instruments__name">{f.name}</span>{' '}
            <span class="rl-muted">
              {INSTRUMENT_LABEL[f.instrument]} · {STATUS_LABEL[f.status].toLowerCase()}
              {f.year ? ` · ${f.year}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {more ? <p class="rl-muted rl-more">{t('moreInDataset', more)}</p> : null}
    </>
  );
}
