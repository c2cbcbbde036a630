import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n.tsx";

/** A column's heading; `{ hidden }` for a column of buttons, named for screen readers only. */
export type Column = string | { hidden: string };

/**
 * A table in a box of its own that scrolls sideways when the table is wider than the screen, so the
 * page itself never does. The box is a named region (a labelled section) that takes keyboard focus:
 * scrolling it must not need a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
 *
 * `stacked`: on a phone each row becomes a block, its first cell the title and every other cell
 * after its column's name (styles.css, `table.stacked`), instead of a table to scroll sideways.
 */
export function DataTable({
  label,
  columns,
  children,
  className,
  caption,
  captionShown,
  stacked,
}: {
  label: string;
  columns: Column[];
  children: ReactNode;
  className?: string;
  /** The table's caption, for screen readers only unless `captionShown`. */
  caption?: string;
  captionShown?: boolean;
  stacked?: boolean;
}) {
  const classes = [className, stacked ? "stacked" : undefined].filter(Boolean).join(" ") || undefined;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      <table className={classes}>
        {caption && <caption className={captionShown ? undefined : "visually-hidden"}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.hidden} scope="col">
                  <span className="visually-hidden">{column.hidden}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{stacked ? withColumnNames(children, columns) : children}</tbody>
      </table>
    </section>
  );
}

/**
 * Each row's cells (but the first, the row's title) with `data-label`, its column's name, for the
 * stacked layout to show before the value; the rows stay as the page wrote them.
 */
function withColumnNames(rows: ReactNode, columns: Column[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row)) return row;
    const cells = Children.toArray(row.props.children).map((cell, i) => {
      const column = columns[i];
      if (i === 0 || typeof column !== "string" || !isValidElement(cell)) return cell;
      return cloneElement(cell as ReactElement<{ "data-label"?: string }>, { "data-label": column });
    });
    return cloneElement(row, undefined, cells);
  });
}

/**
 * The list pages' card: a heading (shown, or for screen readers only where the page's own says it),
 * what goes above the table, and the table, stacked on a phone; "loading" while the rows are `null`,
 * `empty` when there are none.
 */
export function TableCard({
  id,
  title,
  titleHidden,
  columns,
  rows,
  empty,
  children,
}: {
  id: string;
  title: string;
  titleHidden?: boolean;
  columns: Column[];
  rows: ReactNode[] | null;
  empty?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className={titleHidden ? "visually-hidden" : undefined}>
        {title}
      </h2>
      {children}
      {rows === null ? (
        <p>{t("common.loading")}</p>
      ) : rows.length === 0 && empty ? (
        <p>{empty}</p>
      ) : (
        <DataTable label={title} columns={columns} stacked>
          {rows}
        </DataTable>
      )}
    </section>
  );
}

/** What went wrong, read out as soon as it shows. */
export function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}
