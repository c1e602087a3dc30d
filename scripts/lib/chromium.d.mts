export function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
export const INSTALL_HINT: string;
export function extensionArgs(extensionDir: string): string[];
