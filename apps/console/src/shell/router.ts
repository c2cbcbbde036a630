import { useEffect, useState } from "react";

/**
 * Page addresses under /staff/ (the server answers any of them with index.html). A tiny router: the
 * address is the state, links push it, the back button pops it.
 */
export const base = "/staff/";

export type Route =
  | { page: "home" }
  | { page: "queue" }
  | { page: "case"; reference: string }
  | { page: "counter" }
  | { page: "lookup" }
  | { page: "inventory" }
  | { page: "packages" }
  | { page: "refunds" }
  | { page: "staff" }
  | { page: "dashboard" }
  | { page: "records" }
  | { page: "audit" }
  | { page: "policies" }
  | { page: "plans" }
  | { page: "shipping" }
  | { page: "not_found" };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/staff\/?/, "");
  const parts = rest.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (!first) return { page: "home" };
  if (first === "cases" && second) return { page: "case", reference: second };
  const simple = [
    "queue",
    "counter",
    "lookup",
    "inventory",
    "packages",
    "refunds",
    "staff",
    "dashboard",
    "records",
    "audit",
    "policies",
    "plans",
    "shipping",
  ] as const;
  const found = simple.find((p) => p === first);
  return parts.length === 1 && found ? { page: found } : { page: "not_found" };
}

export function hrefOf(route: Route): string {
  if (route.page === "home" || route.page === "not_found") return base;
  if (route.page === "case") return `${base}cases/${encodeURIComponent(route.reference)}`;
  return `${base}${route.page}`;
}

export function navigate(route: Route | string): void {
  const href = typeof route === "string" ? route : hrefOf(route);
  history.pushState(null, "", href);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}
