// ESLint flat config. The one project-specific rule: lib/model is the pure core and imports
// nothing from the UI (react, next, d3, zustand) and touches no DOM global.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const uiModules = ["react", "react/*", "react-dom", "react-dom/*", "next", "next/*", "zustand", "zustand/*", "d3", "d3-*"];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/model/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: uiModules,
              message: "lib/model is the pure core: no React, Next, d3, zustand or DOM (see docs/architecture.md).",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "lib/model must not touch the DOM." },
        { name: "document", message: "lib/model must not touch the DOM." },
        { name: "navigator", message: "lib/model must not touch the DOM." },
        { name: "localStorage", message: "lib/model must not touch the DOM." },
      ],
    },
  },
  {
    files: ["bin/**/*.mjs", "scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
