/**
 * Timing assertions and a busy machine. A slice's duration is wall-clock time: on a machine whose run queue
 * is longer than its cores (other builds, other browsers), the OS preempts the renderer mid-slice and a 5 ms
 * slice is measured at 150 ms. Strict bounds hold on a quiet machine; on a contended one looser bounds still
 * catch unbounded work, and an annotation says which applied.
 */
import { cpus, loadavg } from 'node:os';
import { test } from './fixtures';

export function machineContended(): boolean {
  return loadavg()[0]! > cpus().length;
}

export function loadNote(): string {
  return `load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
}

/** The longest task allowed: `strictMs` on a quiet machine, `contendedMs` on a busy one (annotated). */
export function taskLimit(strictMs: number, contendedMs = Math.max(250, strictMs * 5)): number {
  const limit = machineContended() ? contendedMs : strictMs;
  test.info().annotations.push({ type: 'task limit', description: `${limit} ms (${loadNote()})` });
  return limit;
}
