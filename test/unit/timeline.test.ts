import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../data/index';
import type { Framework } from '../../data/schema';
import { timelineProblems } from '../../data/timeline-rules';
import { statusDisagreements } from '../../core/timeline/agreement';
import { changesBetween, nextMilestone, thenAndNow, upcomingMilestones } from '../../core/timeline/milestones';
import { addMonths, dayOf, dayRange, tookEffectBy } from '../../core/timeline/partial-date';
import { currentStatus, standingOn } from '../../core/timeline/standing';

const d = loadDataset();
const byId = new Map(d.frameworks.map((f) => [f.id, f]));
const record = (id: string) => byId.get(id)!;
const today = dayOf(new Date());

describe('partial dates', () => {
  it('stand for every day they could be', () => {
    expect(dayRange('2019')).toEqual({ first: '2019-01-01', last: '2019-12-31' });
    expect(dayRange('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(dayRange('2020-07-16')).toEqual({ first: '2020-07-16', last: '2020-07-16' });
  });

  it('are ordered against a page date only when they cannot overlap', () => {
    expect(tookEffectBy(dayRange('2019'), dayRange('2019-07-03'))).toBe('unknown');
    expect(tookEffectBy(dayRange('2019-06'), dayRange('2019-07-03'))).toBe('yes');
    expect(tookEffectBy(dayRange('2020-07-16'), dayRange('2020-07-16'))).toBe('yes');
    expect(tookEffectBy(dayRange('2020-07-17'), dayRange('2020-07'))).toBe('unknown');
    expect(tookEffectBy(dayRange('2021'), dayRange('2020-12-31'))).toBe('no');
  });

  it('add months clamped to the month end', () => {
    expect(addMonths('2026-12-03', 24)).toBe('2028-12-03');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });
});

describe('every record', () => {
  it('has a timeline whose standing today is its typed status', () => {
    expect(statusDisagreements(d.frameworks, today)).toEqual([]);
  });

  it('has dates that its timeline states (checked with the dataset rules)', () => {
    expect(d.frameworks.flatMap(timelineProblems)).toEqual([]);
  });
});

describe('a record whose typed status disagrees with its events', () => {
  it('is named', () => {
    const wrong: Framework = { ...record('eu-us-privacy-shield'), status: 'in-force' };
    expect(statusDisagreements([wrong], '2026-12-03')).toEqual([
      'eu-us-privacy-shield: status is in-force but its timeline gives invalidated on 2026-12-03',
    ]);
  });

  it('is named when its dates are not in its timeline', () => {
    const f = record('gdpr');
    const wrong: Framework = { ...f, dates: { ...f.dates, applies: '2018-05-26' } };
    expect(timelineProblems(wrong)).toEqual([
      'frameworks[gdpr].dates.applies: 2018-05-26 has no applies event of that date in the timeline',
    ]);
  });
});

describe('the standing on a day', () => {
  it('follows the AI Act through its stages', () => {
    const ai = record('eu-ai-act');
    expect(standingOn(ai, '2021-05').status).toBe('proposed');
    expect(standingOn(ai, '2024-07-01').status).toBe('adopted');
    expect(standingOn(ai, '2024-09-15').status).toBe('in-force');
    expect(standingOn(ai, '2025-03-01').status).toBe('partially-applicable');
    expect(standingOn(ai, '2020').status).toBeUndefined();
  });

  it('is uncertain when a partial date overlaps the day', () => {
    expect(standingOn(record('eu-ai-act'), '2024').certain).toBe(false);
    expect(standingOn(record('eu-us-privacy-shield'), '2020-07').certain).toBe(false);
  });

  it('shows an invalidated instrument in force when the page was written', () => {
    const ps = record('eu-us-privacy-shield');
    const seen = thenAndNow(ps, '2019-07-03', '2026-12-03')!;
    expect(seen.then.status).toBe('in-force');
    expect(seen.now.status).toBe('invalidated');
    expect(seen.changes).toEqual([expect.objectContaining({ kind: 'invalidated', date: '2020-07-16', successor: 'eu-us-dpf' })]);
    expect(currentStatus(ps, '2026-12-03')).toBe('invalidated');
  });

  it('says nothing of a page with no date, or when nothing changed since', () => {
    expect(thenAndNow(record('eu-us-privacy-shield'), undefined, today)).toBeUndefined();
    expect(thenAndNow(record('gdpr'), '2019-07-03', today)).toBeUndefined();
  });

  it('counts an undated status event only once the event after it, or the review, is past', () => {
    const f = record('colorado-ai-act');
    expect(f.timeline!.at(-1)).toMatchObject({ kind: 'superseded', by: 'colorado-sb-26-189' });
    expect(f.timeline!.at(-1)!.date).toBeUndefined();
    expect(standingOn(f, '2024-06').status).toBe('adopted');
    expect(standingOn(f, '2025-10').certain).toBe(false);
    expect(standingOn(f, f.lastReviewed)).toEqual({ status: 'superseded', certain: true });
    expect(changesBetween(f, '2024-06', '2024-07')).toEqual([]);
  });
});

describe('what comes next', () => {
  it('is the first event after the day', () => {
    expect(nextMilestone(record('eu-ai-act'), '2026-12-03')).toMatchObject({ kind: 'applies', date: '2027-08-02' });
    expect(nextMilestone(record('eu-cyber-resilience-act'), '2026-07-01')).toMatchObject({ date: '2026-09-11' });
    expect(nextMilestone(record('eu-us-privacy-shield'), '2026-12-03')).toBeUndefined();
  });

  it('lists the milestones of the next 24 months, soonest first', () => {
    const eu = d.frameworks.filter((f) => f.scope.jurisdictions.includes('eu'));
    const list = upcomingMilestones(eu, '2026-12-03');
    const days = list.map((m) => dayRange(m.event.date).first);
    expect(days).toEqual([...days].sort());
    expect(days.every((x) => x > '2026-12-03' && x <= '2028-12-03')).toBe(true);
    expect(list.map((m) => `${m.framework.id} ${m.event.date}`)).toEqual(
      expect.arrayContaining(['eu-ai-act 2027-08-02', 'eu-cyber-resilience-act 2027-12-11']),
    );
    expect(upcomingMilestones(eu, '2026-12-03', 6).some((m) => m.framework.id === 'eu-cyber-resilience-act')).toBe(false);
  });
});
