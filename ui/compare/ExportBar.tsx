import { useState } from 'preact/hooks';
import type { TechnologyComparison } from '../../core/compare/alignment';
import { comparisonCsv, comparisonMarkdown, type ExportNames } from '../../core/compare/export';
import type { UpcomingColumn } from '../../core/compare/upcoming';
import { t } from '../../platform/i18n';

type Format = 'markdown' | 'csv';
const FILE: Record<Format, { ext: string; type: string; label: string }> = {
  markdown: { ext: 'md', type: 'text/markdown;charset=utf-8', label: t('exportFormatMarkdown') },
  csv: { ext: 'csv', type: 'text/csv;charset=utf-8', label: t('exportFormatCsv') },
};

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without focus or permission the async clipboard refuses; a selected textarea and execCommand still work.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
  }
}

function download(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the blob; give the browser a moment before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copy or download the comparison as Markdown or CSV. */
export function ExportBar({
  comparisons,
  names,
  upcoming,
}: {
  comparisons: TechnologyComparison[];
  names: ExportNames;
  upcoming?: UpcomingColumn[];
}) {
  const [status, setStatus] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const ids = comparisons[0]?.columns.map((c) => c.jurisdiction.id).join('-') ?? 'comparison';
  const text = (f: Format) => (f === 'csv' ? comparisonCsv(comparisons) : comparisonMarkdown(comparisons, names, today, upcoming));

  return (
    <section class="rl-cmp-export" aria-labelledby="rl-export-h">
      <h2 id="rl-export-h" class="rl-visually-hidden">
        {t('export')}
      </h2>
      {(['markdown', 'csv'] as const).map((f) => (
        <div key={f} class="rl-cmp-export__group" role="group" aria-label={FILE[f].label}>
          <button
            type="button"
            class="rl-cmp-button"
            data-export={`copy-${f}`}
            onClick={() =>
              copy(text(f)).then(
                () => setStatus(t('exportCopied', FILE[f].label)),
                () => setStatus(t('exportCopyFailed', FILE[f].label)),
              )
            }
          >
            {t('exportCopy', FILE[f].label)}
          </button>
          <button
            type="button"
            class="rl-cmp-button"
            data-export={`download-${f}`}
            onClick={() => {
              download(text(f), `regulatory-lens-${ids}-${today}.${FILE[f].ext}`, FILE[f].type);
              setStatus(t('exportDownloaded', FILE[f].label));
            }}
          >
            {t('exportDownload', FILE[f].label)}
          </button>
        </div>
      ))}
      <p class="rl-muted rl-cmp-export__status" role="status">
        {status}
      </p>
    </section>
  );
}
