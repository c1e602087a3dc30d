import { render } from 'preact';
import '../../ui/card/card.css';
import './options.css';
import * as settings from '../../platform/settings';
import { followTheme } from '../../ui/theme';
import { SettingsForm } from '../../ui/options/SettingsForm';
import { t } from '../../platform/i18n';

// index.html's <title> is the English fallback; the page wears the reader's language once the script runs.
document.title = t('optionsPageTitle');
// The page wears the theme it sets, so the choice can be seen as it is made.
await followTheme(settings);
render(<SettingsForm initial={await settings.loadSettings()} />, document.getElementById('app')!);
