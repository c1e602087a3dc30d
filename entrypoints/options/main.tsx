import { render } from 'preact';
import '../../components/card.css';
import './options.css';
import { loadSettings, watchSettings, type Settings } from '../../utils/settings';
import { SettingsForm } from './SettingsForm';

// The page wears the theme it sets, so the choice can be seen as it is made.
const wear = (s: Settings) => (s.theme === 'system' ? document.documentElement.removeAttribute('data-rl-theme') : document.documentElement.setAttribute('data-rl-theme', s.theme));
const initial = await loadSettings();
wear(initial);
watchSettings(wear);
render(<SettingsForm initial={initial} />, document.getElementById('app')!);
