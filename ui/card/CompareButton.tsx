import { t } from '../../platform/i18n';

/** Opens the comparison side panel on these jurisdictions (the caller decides how: message, panel or tab). */
export function CompareButton({ jurisdictions, onCompare }: { jurisdictions: string[]; onCompare: (jurisdictions: string[]) => void }) {
  if (!jurisdictions.length) return null;
  return (
    <p class="rl-actions">
      <button type="button" class="rl-action" data-action="compare" onClick={() => onCompare(jurisdictions)}>
        {t('compareInSidePanel')}
      </button>
    </p>
  );
}
