import { useEffect, useState } from "react";

/**
 * Phone numbers as Japan writes them (090-1234-5678), from @jitsumei/domain/formats. Its numbering
 * plans (libphonenumber-js, ~120 kB) load in a chunk of their own on the first page that shows or takes
 * a number, not with the site; until they arrive a number is shown as given.
 */
type Format = (input: string) => string;
let loaded: Format | null = null;
let loading: Promise<void> | null = null;

export function usePhoneFormat(): Format {
  const [, setReady] = useState(loaded !== null);
  useEffect(() => {
    if (loaded) return;
    loading ??= import("@jitsumei/domain/formats").then((m) => {
      loaded = m.formatPhone;
    });
    let current = true;
    void loading.then(() => {
      if (current) setReady(true);
    });
    return () => {
      current = false;
    };
  }, []);
  return loaded ?? ((input) => input.trim());
}
