/** One benchmark line: our figure, the baseline's, their ratio and the target it is held to. */
export interface Result {
  name: string;
  detail: string;
  ours: string;
  baseline: string;
  /** ours ÷ baseline (or the absolute figure for RSS); undefined when it could not be measured. */
  value?: number;
  target: { op: "<=" | ">="; limit: number; unit: "x" | "MB" };
  /** Round trips: the same answer from a bare SDK server that does none of our work (ms, ÷ baseline). */
  floor?: { ms: number; ratio: number };
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

function floorFigure(result: Result): string {
  if (!result.floor) return "";
  return `median ${result.floor.ms.toFixed(2)} ms: ${result.floor.ratio.toFixed(2)}×`;
}

function target(result: Result): string {
  const { op, limit, unit } = result.target;
  return `${op === "<=" ? "≤" : "≥"} ${limit}${unit === "x" ? "×" : " MB"}`;
}

/** A markdown table, readable on a terminal and pasteable into BENCHMARKS.md. */
export function table(results: readonly Result[]): string {
  const rows = [
    "| measure | ours | baseline | ratio | target | verdict | answer floor ¹ |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.name} (${r.detail}) | ${r.ours} | ${r.baseline} | ${figure(r)} | ${target(r)} | ${verdict(r)}${r.note ? ` (${r.note})` : ""} | ${floorFigure(r)} |`,
    ),
    "",
    "¹ The same answer returned by a bare SDK server that does none of our work (bench/floor-server.ts): what",
    "the SDK and the wire alone cost for that answer, as a ratio to the same echo. Ours can be no faster.",
  ];
  return rows.join("\n");
}
