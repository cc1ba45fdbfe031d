import type { AnswerSize } from "./tokens.js";
import type { AnswerTarget } from "./calls.js";
import { SUMMARY_BUDGET } from "./calls.js";
import type { FoundInForms, TokenFigures } from "./answers.js";

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

export type Verdict = "PASS" | "MISS" | "n/a";

export function verdict(result: Result): Verdict {
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

const n = (value: number) => value.toLocaleString("en-US");

function within(value: number, op: "<=" | "<", limit: number): boolean {
  return op === "<=" ? value <= limit : value < limit;
}

/** Both forms of an answer against its target (tokens, and characters where the target has them). */
export function answerVerdict(size: AnswerSize | undefined, t: AnswerTarget): Verdict {
  if (!size) return "n/a";
  const ok = [size.text, size.json].every(
    (form) =>
      within(form.tokens, t.op, t.tokens) && (t.chars === undefined || within(form.chars, t.op, t.chars)),
  );
  return ok ? "PASS" : "MISS";
}

function targetText(t: AnswerTarget): string {
  const op = t.op === "<=" ? "≤" : "<";
  return `${op} ${n(t.tokens)} tokens${t.chars === undefined ? "" : ` and ${op} ${n(t.chars)} chars`} each form`;
}

function form(f: { tokens: number; chars: number }): string {
  return `${n(f.tokens)} (${n(f.chars)} chars)`;
}

function found(f: FoundInForms): string {
  return `text ${f.text}/${f.wanted}, JSON ${f.json}/${f.wanted}`;
}

function foundVerdict(f: FoundInForms): Verdict {
  return f.text === f.wanted && f.json === f.wanted ? "PASS" : "MISS";
}

export interface TokenLine {
  name: string;
  verdict: Verdict;
}

/**
 * The token figures as markdown tables (answers, tool definitions, the conversation) and one verdict
 * line per target.
 */
export function tokenReport(figures: TokenFigures, tokenizer: string): { text: string; lines: TokenLine[] } {
  const lines: TokenLine[] = [];
  const rows: string[] = [
    `Tokens a model receives (${tokenizer}; an approximation for every client's model). "text" is the`,
    'text block (clients that forward only the text), "JSON" is JSON.stringify(structuredContent) (Claude',
    "Code, Copilot CLI, Cursor, ChatGPT).",
    "",
    "| answer | text tokens (chars) | JSON tokens (chars) | target | verdict |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const a of figures.answers) {
    const v = answerVerdict(a.size, a.target);
    lines.push({ name: a.label, verdict: v });
    rows.push(
      `| ${a.label}${a.note ? ` (${a.note})` : ""} | ${a.size ? form(a.size.text) : "n/a"} | ${a.size ? form(a.size.json) : "n/a"} | ${targetText(a.target)} | ${v} |`,
    );
  }
  const quotes = foundVerdict(figures.governingQuotes);
  const determinations = foundVerdict(figures.determinations);
  rows.push(
    `| reference summary: both governing quotes verbatim | ${found(figures.governingQuotes)} | | all, each form | ${quotes} |`,
    `| reference summary: both determinations | ${found(figures.determinations)} | | all, each form | ${determinations} |`,
  );
  lines.push({ name: "reference summary: both governing quotes verbatim in each form", verdict: quotes });
  lines.push({ name: "reference summary: both determinations in each form", verdict: determinations });

  // Every summary answer the bench received (the fixed calls and the conversation's), against the
  // budget every summary answer is held to; the full view is held to its own target above.
  const summaries = [
    ...figures.answers
      .filter((a) => a.size && a.wanted !== "full")
      .map((a) => ({ label: a.label, size: a.size! })),
    ...figures.conversation.steps
      .filter((s) => s.detail !== "full")
      .map((s) => ({ label: `${s.case}: ${s.tool}`, size: s.size })),
  ];
  const over = summaries.filter((s) => answerVerdict(s.size, SUMMARY_BUDGET) === "MISS");
  const most = (pick: (size: AnswerSize) => number) => Math.max(0, ...summaries.map((s) => pick(s.size)));
  const budget = over.length === 0 ? "PASS" : "MISS";
  rows.push(
    `| every summary answer above and in the conversation (${summaries.length}) | largest ${n(most((s) => s.text.tokens))} (${n(most((s) => s.text.chars))} chars) | largest ${n(most((s) => s.json.tokens))} (${n(most((s) => s.json.chars))} chars) | ${targetText(SUMMARY_BUDGET)} | ${budget}${over.length ? ` (${over.length} over)` : ""} |`,
  );
  lines.push({ name: "every summary answer < 10,000 tokens and < 50,000 chars", verdict: budget });

  rows.push(
    "",
    "| tool definition (name + description + input schema) | tokens | description | input schema | target | verdict |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const d of figures.definitions) {
    const v: Verdict | "" = d.limit === undefined ? "" : d.size.model <= d.limit ? "PASS" : "MISS";
    if (v) lines.push({ name: `definition of ${d.tool}`, verdict: v });
    rows.push(
      `| ${d.tool}${figures.withDetailLevels.includes(d.tool) ? "" : " (no detail levels yet)"} | ${n(d.size.model)} | ${n(d.size.description)} | ${n(d.size.inputSchema)} | ${d.limit === undefined ? "" : `≤ ${n(d.limit)}`} | ${v} |`,
    );
  }
  const defs = figures.definitionTotal.model <= figures.definitionTotal.limit ? "PASS" : "MISS";
  rows.push(
    `| all tools, per turn | ${n(figures.definitionTotal.model)} | | | ≤ ${n(figures.definitionTotal.limit)} | ${defs} |`,
  );
  lines.push({ name: "tool definitions in all", verdict: defs });

  const c = figures.conversation;
  rows.push(
    "",
    "| three-case conversation: case, tool | text tokens | JSON tokens |",
    "| --- | --- | --- |",
    ...c.steps.map(
      (s) =>
        `| ${s.case}: ${s.tool}${s.detail ? ` (${s.detail})` : ""} | ${n(s.size.text.tokens)} | ${n(s.size.json.tokens)} |`,
    ),
    `| tool definitions, ${n(c.definitionsPerTurn)} per turn × ${c.turns} turns | ${n(c.definitionsPerTurn * c.turns)} | ${n(c.definitionsPerTurn * c.turns)} |`,
  );
  const conv = (total: number): Verdict => (total <= c.limit ? "PASS" : "MISS");
  rows.push(
    `| **total** (target ≤ ${n(c.limit)}) | ${n(c.total.text)} ${conv(c.total.text)} | ${n(c.total.json)} ${conv(c.total.json)} |`,
  );
  lines.push({ name: "three-case conversation, text client", verdict: conv(c.total.text) });
  lines.push({ name: "three-case conversation, JSON client", verdict: conv(c.total.json) });
  return { text: rows.join("\n"), lines };
}
