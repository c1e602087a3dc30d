import { render } from 'preact';
import '../../components/card.css';
import '../../components/pages.css';
import '../../components/popup/popup.css';
import { Popup } from '../../components/Popup';
import { browserPopupDeps } from '../../utils/popup-deps';
import { followTheme } from '../../utils/theme';

// The reader's theme, followed live. The settings module brings zod, so it loads beside the first render
// (as in popup-deps) rather than before it. A theme that cannot be read leaves the system's.
import('../../utils/settings')
  .then((settings) => followTheme(settings))
  .catch((e: unknown) => console.warn('[regulatory-lens] theme setting not applied', e));
// Render at once with the search box focused; the dataset loads behind it.
render(<Popup deps={browserPopupDeps()} />, document.getElementById('app')!);
