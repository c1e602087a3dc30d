/** Fails the build when the dataset is invalid, naming every record and field at fault. */
import type { Plugin } from 'vite';
import { loadDataset } from '../data/index';

export function datasetCheck(): Plugin {
  return {
    name: 'regulatory-lens:dataset-check',
    buildStart() {
      loadDataset();
    },
  };
}
