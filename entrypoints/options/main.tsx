import { render } from 'preact';
import '../../components/card.css';
import './options.css';
import { loadSettings, watchSettings, type Settings } from '../../utils/settings';
import { SettingsForm } from './SettingsForm';
import { t } from '../../utils/i18n';

// The page wears the theme it sets, so the choice can be seen as it is made.
const wear = (s: Settings) => (s.theme === 'system' ? document.documentElement.removeAttribute('data-rl-theme') : document.documentElement.setAttribute('data-rl-theme', s.theme));
// index.html's <title> is the English fallback; the page wears the reader's language once the script runs.
document.title = t('optionsPageTitle');
const initial = await loadSettings();
wear(initial);
watchSettings(wear);
render(<SettingsForm initial={initial} />, document.getElementById('app')!);
