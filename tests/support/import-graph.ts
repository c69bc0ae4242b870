import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** How a file reaches another: a static import or re-export, a type-only one, or `import()`. */
export type ImportKind = "value" | "type" | "dynamic";

export interface ImportEdge {
  /** Both paths relative to the repository root, e.g. `src/jobs/runner.ts`. */
  from: string;
  to: string;
  kind: ImportKind;
  /** The specifier as written, e.g. `../services.js`. */
  specifier: string;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
}

const root = resolve(import.meta.dirname, "../..");

/**
 * The imports between the TypeScript files under `folder` (relative to the repository root):
 * every relative specifier of `import`, `export ... from` and `import()`, resolved as
 * NodeNext resolves our `.js` specifiers to their `.ts` files. Package imports and files
 * outside `folder` are left out. Parsed with the TypeScript compiler, so imports in comments or
 * strings never count, and `import type` / `import { type A }` (erased when compiled) are told apart.
 */
export function importGraph(folder: string, options: { exclude?: (file: string) => boolean } = {}): ImportGraph {
  const files = sourceFiles(join(root, folder))
    .map((file) => relative(root, file))
    .filter((file) => !options.exclude?.(file));
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const { specifier, kind } of importsOf(join(root, from))) {
      if (!specifier.startsWith(".")) continue;
      const to = resolveSpecifier(from, specifier);
      if (to && known.has(to)) edges.push({ from, to, kind, specifier });
    }
  }
  return { files, edges };
}

/**
 * Every cycle of the graph through edges of the given kinds, each once, as the files around it
 * (the first file repeated at the end), shortest first. Strongly connected components (Tarjan)
 * find which files are tangled; within each, one shortest cycle per file names the loop.
 */
export function cyclesOf(graph: ImportGraph, kinds: ImportKind[]): string[][] {
  const next = new Map<string, string[]>(graph.files.map((file) => [file, []]));
  for (const edge of graph.edges) if (kinds.includes(edge.kind)) next.get(edge.from)?.push(edge.to);
  const cycles = new Map<string, string[]>();
  for (const component of stronglyConnected(graph.files, next)) {
    const inside = new Set(component);
    const selfLoop = component.length === 1 && next.get(component[0] as string)?.includes(component[0] as string);
    if (component.length === 1 && !selfLoop) continue;
    for (const start of component) {
      const cycle = shortestCycle(start, next, inside);
      if (!cycle) continue;
      // One key per cycle, whichever file it was found from.
      const ring = cycle.slice(0, -1);
      const first = ring.indexOf([...ring].sort()[0] as string);
      const key = [...ring.slice(first), ...ring.slice(0, first)].join(" -> ");
      cycles.set(key, cycle);
    }
  }
  return [...cycles.values()].sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

function importsOf(path: string): { specifier: string; kind: ImportKind }[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { specifier: string; kind: ImportKind }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, kind: importIsTypeOnly(node) ? "type" : "value" });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((element) => element.isTypeOnly));
      found.push({ specifier: node.moduleSpecifier.text, kind: typeOnly ? "type" : "value" });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, kind: "dynamic" });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, kind: "type" });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `import type {...}`, or named imports that are all `type` (and no default or namespace import). */
function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "./side-effect.js"` runs the file
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** `./x.js` → `x.ts` (or `x.tsx`, or `x/index.ts`), relative to the repository root; undefined when none exists. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const target = join(dirname(from), specifier);
  const stem = target.replace(/\.(js|ts|mjs|cjs)$/, "");
  const candidates = [`${stem}.ts`, `${stem}.tsx`, join(target, "index.ts")];
  return candidates.find((candidate) => existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile());
}

function stronglyConnected(files: string[], next: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // Iterative Tarjan: src/ is deep enough that recursion is a needless risk.
  for (const start of files) {
    if (index.has(start)) continue;
    const work: { file: string; edge: number }[] = [{ file: start, edge: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1] as { file: string; edge: number };
      const targets = next.get(frame.file) ?? [];
      if (frame.edge < targets.length) {
        const to = targets[frame.edge++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ file: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.file, Math.min(low.get(frame.file) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file) as number, low.get(frame.file) as number));
      if (low.get(frame.file) === index.get(frame.file)) {
        const component: string[] = [];
        for (;;) {
          const file = stack.pop() as string;
          onStack.delete(file);
          component.push(file);
          if (file === frame.file) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest path from `start` back to itself within `inside` (breadth first). */
function shortestCycle(start: string, next: Map<string, string[]>, inside: Set<string>): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i] as string;
    for (const to of next.get(file) ?? []) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const back: string[] = [];
        for (let at: string | undefined = file; at !== undefined && at !== start; at = cameFrom.get(at)) back.push(at);
        return [start, ...back.reverse(), start];
      }
      if (!cameFrom.has(to) && to !== start) {
        cameFrom.set(to, file);
        queue.push(to);
      }
    }
  }
  return undefined;
}
