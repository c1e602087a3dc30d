import { useEffect, useState } from 'preact/hooks';

/** The value a promise resolves to, `undefined` until then (and if it rejects: the caller shows that state). */
export function useResolved<T>(promise: Promise<T>): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  useEffect(() => {
    let live = true;
    promise.then(
      (value) => live && setState({ value }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [promise]);
  return state;
}
