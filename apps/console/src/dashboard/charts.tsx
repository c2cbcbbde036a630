/**
 * Charts drawn as SVG by React: no library, no inline style (the CSP allows none), colours from the
 * stylesheet by class. Each chart is an image with a label; the numbers are also in a table beside it.
 */

import { useEffect, useRef } from "react";

export type Series = { key: string; label: string };

/** Bars per day, stacked by series (e.g. channel). */
export function StackedBars({
  days,
  series,
  value,
  label,
}: {
  days: string[];
  series: Series[];
  value: (day: string, key: string) => number;
  label: string;
}) {
  const width = 640;
  const height = 220;
  const left = 36;
  const top = 12;
  const bottom = 28;
  const totals = days.map((d) => series.reduce((sum, s) => sum + value(d, s.key), 0));
  const max = Math.max(1, ...totals);
  const step = (width - left) / Math.max(1, days.length);
  const barWidth = Math.max(2, step * 0.7);
  const y = (v: number) => ((height - bottom - top) * v) / max;
  const ticks = [...new Set([0, Math.ceil(max / 2), max])];
  // Where the chart scrolls (a phone), it opens on the latest days.
  const scroller = useRef<HTMLElement>(null);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, []);
  return (
    <figure className="chart">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the chart scrolls, by keyboard too */}
      <section className="chart-scroll" aria-label={label} tabIndex={0} ref={scroller}>
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={left}
                x2={width}
                y1={height - bottom - y(tick)}
                y2={height - bottom - y(tick)}
                className="grid"
              />
              <text x={left - 6} y={height - bottom - y(tick) + 4} className="axis" textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          {days.map((day, i) => {
            let base = 0;
            const x = left + i * step + (step - barWidth) / 2;
            return (
              <g key={day}>
                {series.map((s, si) => {
                  const v = value(day, s.key);
                  const rect = (
                    <rect
                      key={s.key}
                      x={x}
                      width={barWidth}
                      y={height - bottom - y(base + v)}
                      height={y(v)}
                      className={`series-${si}`}
                    />
                  );
                  base += v;
                  return rect;
                })}
                {(days.length <= 14 || i % Math.ceil(days.length / 10) === 0) && (
                  <text x={x + barWidth / 2} y={height - 8} className="axis" textAnchor="middle">
                    {day.slice(5)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </section>
      <figcaption className="legend">
        {series.map((s, si) => (
          <span key={s.key}>
            <svg viewBox="0 0 10 10" className="swatch" aria-hidden="true">
              <rect width="10" height="10" className={`series-${si}`} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars, longest first as given: the funnel, the rejection reasons. */
export function HorizontalBars({ rows, label }: { rows: { label: string; value: number }[]; label: string }) {
  const width = 460;
  const rowHeight = 30;
  const labelWidth = 150;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * rowHeight + 4;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        {rows.map((row, i) => {
          const w = ((width - labelWidth - 60) * row.value) / max;
          const top = i * rowHeight + 4;
          return (
            <g key={row.label}>
              <text x={labelWidth - 8} y={top + 17} className="label" textAnchor="end">
                {row.label}
              </text>
              <rect
                x={labelWidth}
                y={top}
                width={Math.max(w, row.value > 0 ? 2 : 0)}
                height={rowHeight - 8}
                className="series-0"
              />
              <text x={labelWidth + w + 6} y={top + 17} className="value">
                {row.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A ring showing one share (the approval rate). */
export function Ring({ share, label }: { share: number | null; label: string }) {
  const r = 40;
  const circumference = 2 * Math.PI * r;
  const filled = share === null ? 0 : circumference * share;
  return (
    <svg viewBox="0 0 100 100" className="ring" role="img" aria-label={label}>
      <circle cx="50" cy="50" r={r} className="ring-back" />
      <circle
        cx="50"
        cy="50"
        r={r}
        className="ring-front"
        strokeDasharray={`${filled} ${circumference - filled}`}
        transform="rotate(-90 50 50)"
      />
      <text x="50" y="56" textAnchor="middle" className="ring-text">
        {share === null ? "—" : `${Math.round(share * 100)}%`}
      </text>
    </svg>
  );
}
