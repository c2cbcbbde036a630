/** Any JSON value the API gives (particulars, check details) as nested definition lists. */
export function Values({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return <span>{value.join(", ")}</span>;
    return (
      <ol className="plain">
        {value.map((v, i) => (
          <li key={i}>
            <Values value={v} />
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
            <dt>{key}</dt>
            <dd>
              <Values value={v} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
