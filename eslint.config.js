// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layerRules } from "./eslint.layers.js";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "corpus/**", "coverage/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  ...layerRules,
  {
    files: ["tools/**", "bench/**", "test/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["eslint.config.js", "eslint.layers.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
