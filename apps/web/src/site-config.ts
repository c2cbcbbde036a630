import type { components } from "@jitsumei/api-contract/openapi";
import { useEffect, useState } from "react";
import { answer, client } from "./api.ts";

/**
 * The operator's set-up (GET /v1/site-config): whether a chip reader app exists, and the counters. The
 * type is the server's own, generated from its OpenAPI document (@jitsumei/api-contract, scripts/api-types.ts).
 */
export type SiteConfig = components["schemas"]["SiteConfig"];
export type Counter = SiteConfig["counters"][number];

let loading: Promise<SiteConfig> | null = null;

/** Asked once per page load; null while it loads (and if it cannot be had: then nothing is offered that needs it). */
export function useSiteConfig(): SiteConfig | null {
  const [config, setConfig] = useState<SiteConfig | null>(null);
  useEffect(() => {
    loading ??= answer(client.GET("/v1/site-config"));
    let live = true;
    loading.then(
      (c) => live && setConfig(c),
      () => {
        loading = null;
        if (live)
          setConfig({
            chipReader: { available: false, ios: null, android: null },
            apn: null,
            konbiniTill: null,
            counters: [],
            contact: null,
          });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return config;
}

/** A counter's text in the applicant's language: theirs if the operator gave it, else English (Japanese for ja). */
export function localText(texts: Record<string, string>, lang: string): string {
  return texts[lang] ?? (lang === "ja" ? texts.ja : texts.en) ?? texts.ja ?? "";
}
