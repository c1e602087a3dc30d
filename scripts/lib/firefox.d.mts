export const CACHE_DIR: string;
export const RESULTS_DIR: string;
export const FIREFOX_RESULTS: string;
export function ensureCurrentEsr(log?: (m: string) => void): { path?: string; why?: string };
export function ensureEsr140(log?: (m: string) => void): { path?: string; why?: string };
