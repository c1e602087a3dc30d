import { t } from '../../platform/i18n';

/** The popup's footer: pause on this site, open the side panel, open options. Buttons appear only when they can work. */
export interface ToolbarProps {
  /** The site the current tab shows, when the popup may pause it. */
  site?: { host: string; paused: boolean; onToggle: () => void };
  onSidePanel?: () => void;
  onOptions?: () => void;
}

export function PopupToolbar({ site, onSidePanel, onOptions }: ToolbarProps) {
  if (!site && !onSidePanel && !onOptions) return null;
  return (
    <footer class="rl-toolbar">
      {site ? (
        <button
          type="button"
          class="rl-button rl-pause"
          data-paused={String(site.paused)}
          title={site.paused ? t('highlightAgainTitle', site.host) : t('stopHighlightingTitle', site.host)}
          onClick={site.onToggle}
        >
          {site.paused ? t('resumeOnThisSite') : t('pauseOnThisSite')}
        </button>
      ) : null}
      {onSidePanel ? (
        <button type="button" class="rl-button rl-open-panel" onClick={onSidePanel}>
          {t('sidePanel')}
        </button>
      ) : null}
      {onOptions ? (
        <button type="button" class="rl-button rl-open-options" onClick={onOptions}>
          {t('options')}
        </button>
      ) : null}
    </footer>
  );
}
