import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../data/index';
import { choiceFromUrl, HISTORY, loadChoice, mergeChoice, saveChoice, validIds } from '../../platform/compare-choice';
import { openSidePanel } from '../../background/open-panel';
import { suggestFromMentions } from '../../core/compare/suggest';
import { LensDb } from '../../platform/db';

const d = loadDataset();
const byId = new Map(d.jurisdictions.map((j) => [j.id, j]));
let n = 0;
const freshDb = () => new LensDb(`compare-choice-${++n}`);

describe('the choice from the URL', () => {
  it('reads ?j=eu,us and repeated j parameters, in order', () => {
    expect(choiceFromUrl('?j=eu,us')).toEqual(['eu', 'us']);
    expect(choiceFromUrl('?j=EU&j=cn, us')).toEqual(['eu', 'cn', 'us']);
    expect(choiceFromUrl('')).toEqual([]);
  });

  it('keeps known, comparable, distinct ids only', () => {
    expect(validIds(['eu', 'nowhere', 'oecd', 'eu', 'us-ca'], byId)).toEqual(['eu', 'us-ca']);
  });
});

describe('merging a requested choice', () => {
  it('replaces the choice with two to four requested ids, capped at four', () => {
    expect(mergeChoice(['eu', 'us'], ['cn', 'jp'], byId)).toEqual(['eu', 'us']);
    expect(mergeChoice(['eu', 'us', 'cn', 'jp', 'gb'], ['ke', 'in'], byId)).toEqual(['eu', 'us', 'cn', 'jp']);
  });

  it('adds a single requested id in front of the current choice', () => {
    expect(mergeChoice(['ke'], ['eu', 'us'], byId)).toEqual(['ke', 'eu', 'us']);
    expect(mergeChoice(['ke'], ['eu', 'us', 'cn', 'jp'], byId)).toEqual(['ke', 'eu', 'us', 'cn']);
    expect(mergeChoice(['us'], ['eu', 'us'], byId)).toEqual(['us', 'eu']);
  });

  it('keeps the current choice when nothing valid is requested, and falls back to the default', () => {
    expect(mergeChoice(['oecd', 'nowhere'], ['cn', 'jp'], byId)).toEqual(['cn', 'jp']);
    expect(mergeChoice([], ['gone'], byId)).toEqual(['eu', 'us']);
  });
});

describe('persisting the choice', () => {
  it('returns the last saved choice, writes only when it changes, and keeps a bounded history', async () => {
    const db = freshDb();
    expect(await loadChoice(db)).toBeUndefined();
    await saveChoice(db, ['eu', 'us']);
    await saveChoice(db, ['eu', 'us']);
    expect(await db.comparisons.count()).toBe(1);
    await saveChoice(db, ['eu', 'us', 'cn']);
    expect(await loadChoice(db)).toEqual(['eu', 'us', 'cn']);
    for (let i = 0; i < HISTORY + 5; i++) await saveChoice(db, i % 2 ? ['eu', 'cn'] : ['us', 'cn']);
    await saveChoice(db, ['jp', 'kr']);
    expect(await db.comparisons.count()).toBe(HISTORY);
    expect(await loadChoice(db)).toEqual(['jp', 'kr']);
  });
});

describe('suggestions from the page', () => {
  it('suggests mentioned jurisdictions not yet chosen, most mentioned first, never organizations', () => {
    const mentions = [
      { kind: 'jurisdiction', id: 'cn', name: 'China', count: 2 },
      { kind: 'jurisdiction', id: 'eu', name: 'EU', count: 9 },
      { kind: 'jurisdiction', id: 'ke', name: 'Kenya', count: 5 },
      { kind: 'jurisdiction', id: 'oecd', name: 'OECD', count: 7 },
      { kind: 'framework', id: 'gdpr', name: 'GDPR', count: 4 },
      { kind: 'jurisdiction', id: 'atlantis', name: 'Atlantis', count: 3 },
    ];
    expect(suggestFromMentions(mentions, byId, ['eu', 'us']).map((j) => j.id)).toEqual(['ke', 'cn']);
  });
});

describe('opening the side panel from a card (background)', () => {
  it('opens Chrome’s panel in the sender’s tab and stores the merged choice', async () => {
    const db = freshDb();
    await saveChoice(db, ['eu', 'us']);
    const sidePanel = vi.fn(async () => {});
    const res = await openSidePanel(['ke'], { tab: { id: 3, windowId: 1 } }, { db, byId, openers: { sidePanel } });
    expect(sidePanel).toHaveBeenCalledWith({ tabId: 3 });
    expect(res).toEqual({ opened: true, jurisdictions: ['ke', 'eu', 'us'] });
    expect(await loadChoice(db)).toEqual(['ke', 'eu', 'us']);
  });

  it('calls the opener before anything is awaited, because the user gesture does not survive an await', () => {
    const sidebar = vi.fn(async () => {});
    void openSidePanel(['eu', 'cn'], {}, { db: freshDb(), byId, openers: { sidebar } });
    expect(sidebar).toHaveBeenCalledTimes(1);
  });

  it('still stores the choice when the browser refuses to open the panel', async () => {
    const db = freshDb();
    const sidebar = vi.fn(async () => {
      throw new Error('sidebarAction.open may only be called from a user input handler');
    });
    const res = await openSidePanel(['eu', 'cn'], {}, { db, byId, openers: { sidebar } });
    expect(res).toEqual({
      opened: false,
      error: 'sidebarAction.open may only be called from a user input handler',
      jurisdictions: ['eu', 'cn'],
    });
    expect(await loadChoice(db)).toEqual(['eu', 'cn']);
    const noTab = await openSidePanel(['eu', 'jp'], {}, { db, byId, openers: { sidePanel: vi.fn(async () => {}) } });
    expect(noTab.opened).toBe(false);
  });
});
