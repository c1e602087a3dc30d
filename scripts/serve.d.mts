export function serve(roots: string[], port?: number): Promise<{ url: string; close: () => Promise<void> }>;
