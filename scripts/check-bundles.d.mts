export const EXPECTED_PERMISSIONS: Record<string, string[]>;
export const MIN_CHROME: number;
export const MIN_FIREFOX: number;
export function checkBuild(dir: string, expected: string[]): string[];
