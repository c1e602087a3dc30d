import { render } from 'preact';
import '../../components/card.css';
import './options.css';
import * as settings from '../../utils/settings';
import { followTheme } from '../../utils/theme';
import { SettingsForm } from './SettingsForm';
import { t } from '../../utils/i18n';

// index.html's <title> is the English fallback; the page wears the reader's language once the script runs.
document.title = t('optionsPageTitle');
// The page wears the theme it sets, so the choice can be seen as it is made.
await followTheme(settings);
render(<SettingsForm initial={await settings.loadSettings()} />, document.getElementById('app')!);
