import { render } from 'preact';
import '../../ui/card/card.css';
import '../../ui/common/pages.css';
import '../../ui/popup/popup.css';
import { Popup } from '../../ui/popup/Popup';
import { browserPopupDeps } from '../../ui/popup/deps';
import { followTheme } from '../../ui/theme';

// The reader's theme, followed live. The settings module brings zod, so it loads beside the first render
// (as in popup-deps) rather than before it. A theme that cannot be read leaves the system's.
import('../../platform/settings')
  .then((settings) => followTheme(settings))
  .catch((e: unknown) => console.warn('[regulatory-lens] theme setting not applied', e));
// Render at once with the search box focused; the dataset loads behind it.
render(<Popup deps={browserPopupDeps()} />, document.getElementById('app')!);
