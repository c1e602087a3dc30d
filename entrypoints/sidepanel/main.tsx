import { render } from 'preact';
import '../../ui/card/card.css';
import '../../ui/common/pages.css';
import '../../ui/compare/compare.css';
import { ComparePanel } from '../../ui/compare/ComparePanel';
import { choiceFromUrl, DEFAULT_CHOICE, loadChoice, mergeChoice, saveChoice } from '../../platform/compare-choice';
import { loadCompareData } from '../../platform/compare-data';
import { openDataset } from '../../ui/dataset-client';
import { t } from '../../platform/i18n';
import { loadSettings, watchSettings } from '../../platform/settings';
import { followTheme } from '../../ui/theme';

// index.html's <title> is the English fallback; the page wears the reader's language once the script runs.
document.title = t('sidePanelPageTitle');
// The reader's theme, followed live; worn before the first render (the dataset takes longer to open). A
// theme that cannot be read leaves the system's, and never stops the panel.
const themed = followTheme({ loadSettings, watchSettings }).catch((e: unknown) =>
  console.warn('[regulatory-lens] theme setting not applied', e),
);
const db = await openDataset();
const data = await loadCompareData(db);
// `sidepanel.html?j=eu,us` pre-fills the choice (the contract for "compare in side panel"); it is saved and
// dropped from the address so that a reload shows the latest choice, not the one the panel was opened with.
const requested = choiceFromUrl(location.search);
const initial = mergeChoice(requested, (await loadChoice(db)) ?? DEFAULT_CHOICE, data.byId);
if (requested.length) {
  await saveChoice(db, initial);
  const url = new URL(location.href);
  url.searchParams.delete('j');
  history.replaceState(null, '', url);
}
await themed;
render(<ComparePanel db={db} data={data} initial={initial} search={location.search} />, document.getElementById('app')!);
