/**
 * Any JSON value the API gives (particulars, check details) as nested definition lists; `labelFor`
 * names a key by its path (`address.city`), `valueFor` a value that is a code (`document.type`), else
 * either is shown as it is.
 */
export function Values({
  value,
  path = "",
  labelFor,
  valueFor,
}: {
  value: unknown;
  path?: string;
  labelFor?: (path: string) => string | null;
  valueFor?: (path: string, value: string) => string | null;
}) {
  if (value === null || value === undefined || value === "") return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return <span>{value.join(", ")}</span>;
    return (
      <ol className="plain">
        {value.map((v, i) => (
          <li key={i}>
            <Values value={v} path={path} labelFor={labelFor} valueFor={valueFor} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="muted">—</span>;
    return (
      <dl className="values">
        {entries.map(([key, v]) => (
          <div key={key}>
            <dt>{labelFor?.(path ? `${path}.${key}` : key) ?? key}</dt>
            <dd>
              <Values value={v} path={path ? `${path}.${key}` : key} labelFor={labelFor} valueFor={valueFor} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{(typeof value === "string" && valueFor?.(path, value)) || String(value)}</span>;
}
