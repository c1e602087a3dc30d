import { render } from 'preact';
import '../../components/card.css';
import '../../components/pages.css';
import { Popup } from '../../components/Popup';
import { loadSearchIndex, openDataset } from '../../utils/dataset-client';

const db = await openDataset();
render(<Popup db={db} index={await loadSearchIndex(db)} />, document.getElementById('app')!);
