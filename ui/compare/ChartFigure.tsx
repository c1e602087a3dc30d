import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n';

/**
 * The frame every picture shares: a heading, its controls, the SVG, a line describing the focused or
 * hovered mark, and the same numbers as a data table for anyone who cannot see the picture.
 */
export function ChartFigure({
  id,
  title,
  controls,
  children,
  tip,
  table,
  aside,
}: {
  id: string;
  title: string;
  controls?: ComponentChildren;
  children: ComponentChildren;
  tip?: ComponentChildren;
  table: ComponentChildren;
  aside?: ComponentChildren;
}) {
  return (
    <figure class="rl-cmp-figure" id={id} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      {controls ? <div class="rl-cmp-figure__controls">{controls}</div> : null}
      {children}
      <p class="rl-cmp-tip" data-testid={`${id}-tip`}>
        {tip ?? '\u00a0'}
      </p>
      {aside}
      <details class="rl-cmp-datatable">
        <summary>{t('dataTable')}</summary>
        {table}
      </details>
    </figure>
  );
}
