import { render } from 'preact';
import '../../components/card.css';
import '../../components/pages.css';
import '../../components/popup/popup.css';
import { Popup } from '../../components/Popup';
import { browserPopupDeps } from '../../utils/popup-deps';

// Render at once with the search box focused; the dataset loads behind it.
render(<Popup deps={browserPopupDeps()} />, document.getElementById('app')!);
