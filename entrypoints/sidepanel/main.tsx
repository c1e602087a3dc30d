import { render } from 'preact';
import '../../components/card.css';
import '../../components/pages.css';
import { ComparePanel } from '../../components/ComparePanel';
import { openDataset } from '../../utils/dataset-client';

const db = await openDataset();
const [jurisdictions, frameworks] = await Promise.all([db.jurisdictions.toArray(), db.frameworks.toArray()]);
render(<ComparePanel jurisdictions={jurisdictions} frameworks={frameworks} initial={['eu', 'us']} />, document.getElementById('app')!);
