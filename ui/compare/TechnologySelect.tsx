import type { Technology, TechnologyId } from '../../data/schema';
import { t } from '../../platform/i18n';

/** A technology filter; `allowAll` adds "All technologies" (value ''). */
export function TechnologySelect({
  id,
  technologies,
  value,
  onChange,
  allowAll,
}: {
  id: string;
  technologies: Technology[];
  value: TechnologyId | '';
  onChange: (v: TechnologyId | '') => void;
  allowAll?: boolean;
}) {
  return (
    <label class="rl-cmp-field" for={id}>
      <span>{t('technology')}</span>
      <select
        id={id}
        class="rl-select rl-cmp-select-inline"
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value as TechnologyId | '')}
      >
        {allowAll ? <option value="">{t('allTechnologies')}</option> : null}
        {technologies.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
