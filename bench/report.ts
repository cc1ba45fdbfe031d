/** One benchmark line: our figure, the baseline's, their ratio and the target it is held to. */
export interface Result {
  name: string;
  detail: string;
  ours: string;
  baseline: string;
  /** ours ÷ baseline (or the absolute figure for RSS); undefined when it could not be measured. */
  value?: number;
  target: { op: "<=" | ">="; limit: number; unit: "x" | "MB" };
  note?: string;
}

export function verdict(result: Result): "PASS" | "MISS" | "n/a" {
  if (result.value === undefined) return "n/a";
  const { op, limit } = result.target;
  return (op === "<=" ? result.value <= limit : result.value >= limit) ? "PASS" : "MISS";
}

function figure(result: Result): string {
  if (result.value === undefined) return "n/a";
  return result.target.unit === "x" ? `${result.value.toFixed(2)}×` : `${result.value.toFixed(1)} MB`;
}

function target(result: Result): string {
  const { op, limit, unit } = result.target;
  return `${op === "<=" ? "≤" : "≥"} ${limit}${unit === "x" ? "×" : " MB"}`;
}

/** A markdown table, readable on a terminal and pasteable into BENCHMARKS.md. */
export function table(results: readonly Result[]): string {
  const rows = [
    "| measure | ours | baseline | ratio | target | verdict |",
    "| --- | --- | --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.name} (${r.detail}) | ${r.ours} | ${r.baseline} | ${figure(r)} | ${target(r)} | ${verdict(r)}${r.note ? ` (${r.note})` : ""} |`,
    ),
  ];
  return rows.join("\n");
}
