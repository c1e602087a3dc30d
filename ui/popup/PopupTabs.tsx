import { t } from '../../platform/i18n';

export type PopupView = 'search' | 'page';

const VIEWS: Array<{ view: PopupView; label: string }> = [
  { view: 'search', label: t('tabSearch') },
  { view: 'page', label: t('tabOnThisPage') },
];

/** The two views as ARIA tabs: one tab stop, arrow keys switch (and move focus with the selection). */
export function PopupTabs({ view, pageCount, onChange }: { view: PopupView; pageCount?: number; onChange: (v: PopupView) => void }) {
  const select = (v: PopupView, focus: boolean) => {
    onChange(v);
    if (focus) document.getElementById(`rl-tab-${v}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={t('popupViews')} class="rl-tabs">
      {VIEWS.map(({ view: v, label }) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`rl-tab-${v}`}
          class="rl-tab"
          aria-selected={view === v}
          aria-controls={`rl-panel-${v}`}
          tabIndex={view === v ? 0 : -1}
          onClick={() => select(v, false)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
            e.preventDefault();
            const i = VIEWS.findIndex((x) => x.view === view);
            const next =
              e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? VIEWS.length - 1
                  : (i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length;
            select(VIEWS[next]!.view, true);
          }}
        >
          {label}
          {v === 'page' && pageCount !== undefined ? <span class="rl-count">{pageCount}</span> : null}
        </button>
      ))}
    </div>
  );
}
