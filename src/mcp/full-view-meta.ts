/**
 * What a full view (detail: "full") declares in its result's `_meta`: Claude Code saves results
 * above 50,000 characters to a file unless the tool allows more (its own ceiling is 500,000).
 * Summaries stay far below the default and declare nothing.
 */
export const FULL_VIEW_META = { "anthropic/maxResultSizeChars": 500_000 } as const;
