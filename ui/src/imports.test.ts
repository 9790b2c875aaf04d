import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Each module of the window and the modules it imports (tests left out). */
function imports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync("src").filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const source = readFileSync(join("src", file), "utf8");
    graph.set(file.slice(0, -3), [...source.matchAll(/(?:from|import) "\.\/([\w-]+)"/g)].map((m) => m[1]));
  }
  return graph;
}

describe("the window's modules", () => {
  it("import no module that imports them back, directly or not", () => {
    const graph = imports();
    const cycles: string[] = [];
    const walk = (path: string[]) => {
      for (const next of graph.get(path[path.length - 1]) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else walk([...path, next]);
      }
    };
    for (const module of graph.keys()) walk([module]);
    expect(graph.size).toBeGreaterThan(10);
    expect(cycles).toEqual([]);
  });
});
