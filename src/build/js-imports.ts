/**
 * The relative modules a bundled script loads: statically (`import`,
 * `export … from`, bare `import "./x"`) and on demand (`import("./x")`,
 * which Rolldown writes with backticks). Shared by the package file
 * collector and the page-weight measure, which must agree on what a page
 * needs.
 */
const staticImport = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g;
const dynamicImport = /\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

export function relativeImports(code: string): { static: string[]; dynamic: string[] } {
  return {
    static: [...code.matchAll(staticImport)].map((match) => match[1]!),
    dynamic: [...code.matchAll(dynamicImport)].map((match) => match[1]!),
  };
}
