export function serve(
  roots: string[],
  port?: number,
  onRequest?: (url: string) => void,
): Promise<{ url: string; close: () => Promise<void> }>;
