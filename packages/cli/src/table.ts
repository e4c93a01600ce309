/** A column: header text and how to get the cell text from a row. */
export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => string;
}

/**
 * Renders rows as a plain-text table: a header line, then one line per row, columns padded to the
 * widest cell and separated by two spaces; no trailing spaces. An empty list renders "(none)".
 * @example renderTable([{ id: "build-1" }], [{ header: "BUILD ID", cell: (r) => r.id }])
 */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  if (rows.length === 0) return "(none)\n";
  const cells = rows.map((row) => columns.map((c) => c.cell(row).replace(/\s+/g, " ")));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[line(columns.map((c) => c.header)), ...cells.map(line)].join("\n")}\n`;
}
