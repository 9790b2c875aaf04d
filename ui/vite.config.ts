import { defineConfig } from "vite";

// The webview loads the built files from the binary; no dev server is needed to run or test.
export default defineConfig({
  clearScreen: false,
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: { environment: "jsdom" },
} as never);
