export const EXPECTED_PERMISSIONS: Record<string, string[]>;
export const MIN_CHROME: number;
export const MIN_FIREFOX: number;
export const WEB_ACCESSIBLE: string[];
export const MAX_CONTENT_SCRIPT_BYTES: number;
export function checkBuild(dir: string, expected: string[]): string[];
