/** The typed `status` of each record must be the standing its timeline gives today. */
import type { Framework } from '../../data/schema';
import { currentStatus } from './standing';

/** One line per record whose typed status is not what its timeline implies, naming the record. */
export function statusDisagreements(frameworks: readonly Framework[], today: string): string[] {
  return frameworks.flatMap((f) => {
    if (!f.timeline?.length) return [`${f.id}: no timeline (run npm run seed:timelines)`];
    const derived = currentStatus(f, today);
    return derived === f.status ? [] : [`${f.id}: status is ${f.status} but its timeline gives ${derived} on ${today}`];
  });
}
