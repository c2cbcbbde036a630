import type { MouseEvent, ReactNode } from "react";
import { hrefOf, navigate, type Route } from "./router.ts";

/** An ordinary link (opens in a new tab, copies) that moves within the console without a reload. */
export function Link({
  to,
  children,
  className,
  current,
}: {
  to: Route;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  const href = hrefOf(to);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={href} onClick={onClick} className={className} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}
