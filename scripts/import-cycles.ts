/**
 * Finds import cycles between the project's own TypeScript files (the job `madge --circular` does), counting
 * type-only imports too: a cycle of types still ties two modules together. Then the same between folders: a folder
 * is the first two path segments under bot/ (bot/commands, bot/requests; a file directly in bot/, such as
 * bot/runtime.ts, stands for itself) and the top-level folder anywhere else (cards, common, graph-emulator, …); each
 * step of a folder cycle is shown with one import that makes it. Prints every cycle and exits 1 when there is any,
 * at either level.
 *
 *   node bin/run-ts.js scripts/import-cycles.ts [folder ...]
 *   (default: those of bot cards common graph-emulator graph-model local-cloud that exist)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './source-files';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_FOLDERS = ['bot', 'cards', 'common', 'graph-emulator', 'graph-model', 'local-cloud'];

/** One import that makes a step of a folder cycle: `from` (a file) imports `to` (a file). */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** A cycle between folders: the folders in order, and for each step (folder i → folder i+1, wrapping) one import. */
export interface FolderCycle {
  readonly folders: readonly string[];
  readonly edges: readonly ImportEdge[];
}

/** The project files `file` imports or re-exports (type-only ones included). */
function importsOf(file: string, known: Set<string>): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, false);
  const targets: string[] = [];
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), ref.fileName);
    const hit = [`${base}.ts`, path.join(base, 'index.ts')].find((c) => known.has(c));
    if (hit) targets.push(hit);
  }
  return targets;
}

/** The import graph of every .ts file under `folders` (resolved against `root`), keyed by path relative to root. */
function importGraph(folders: readonly string[], root: string): Map<string, string[]> {
  const files = folders.flatMap((f) => sourceFiles(path.resolve(root, f)));
  const known = new Set(files);
  const rel = (f: string): string => path.relative(root, f).split(path.sep).join('/');
  return new Map(files.map((f) => [rel(f), importsOf(f, known).map(rel)]));
}

/**
 * Every cycle a depth-first search closes (one per back edge), each reported once, rotated to start at its
 * smallest node. Never throws.
 */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(rotated.join(' > '), rotated);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

/**
 * Every elementary cycle of a small graph (the folder graph), each once, starting at its smallest node; stops
 * after `limit` cycles. Never throws.
 */
function elementaryCycles(graph: ReadonlyMap<string, readonly string[]>, limit = 200): string[][] {
  const nodes = [...new Set([...graph.keys(), ...[...graph.values()].flat()])].sort();
  const cycles: string[][] = [];
  const walk = (start: string, path: string[]): void => {
    for (const next of graph.get(path[path.length - 1] as string) ?? []) {
      if (cycles.length >= limit) return;
      if (next === start) cycles.push([...path]);
      else if (next > start && !path.includes(next)) walk(start, [...path, next]);
    }
  };
  for (const start of nodes) walk(start, [start]);
  return cycles;
}

/**
 * File-level cycles under `folders`, as paths relative to `root` (the repository by default). Never throws for a
 * readable tree.
 */
export function findImportCycles(folders: readonly string[], root: string = ROOT): string[][] {
  return cyclesOf(importGraph(folders, root));
}

/** The folder a file (path relative to the root, `/`-separated) belongs to: bot/<second segment>, else the first. */
export function folderOf(file: string): string {
  const segments = file.split('/');
  return segments[0] === 'bot' && segments.length > 1 ? `bot/${segments[1]}` : (segments[0] as string);
}

/**
 * Folder-level cycles under `folders` (resolved against `root`), each step with the first import (in path order)
 * that makes it. Never throws for a readable tree.
 */
export function findFolderCycles(folders: readonly string[], root: string = ROOT): FolderCycle[] {
  const example = new Map<string, ImportEdge>();
  const graph = new Map<string, string[]>();
  const files = importGraph(folders, root);
  for (const from of [...files.keys()].sort()) {
    for (const to of [...(files.get(from) ?? [])].sort()) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (a === b || example.has(`${a} > ${b}`)) continue;
      example.set(`${a} > ${b}`, { from, to });
      graph.set(a, [...(graph.get(a) ?? []), b]);
    }
  }
  return elementaryCycles(graph).map((folders) => ({
    folders,
    edges: folders.map((a, i) => example.get(`${a} > ${folders[(i + 1) % folders.length] as string}`) as ImportEdge),
  }));
}

/** The report the command prints: file cycles, then folder cycles with their example imports, then the counts. */
export function cycleReport(fileCycles: readonly string[][], folderCycles: readonly FolderCycle[]): string {
  const lines: string[] = [];
  for (const c of fileCycles) lines.push(`file cycle: ${[...c, c[0]].join(' > ')}`);
  for (const c of folderCycles) {
    lines.push(`folder cycle: ${[...c.folders, c.folders[0]].join(' > ')}`);
    for (const e of c.edges) lines.push(`  ${e.from} imports ${e.to}`);
  }
  lines.push(
    fileCycles.length || folderCycles.length
      ? `${fileCycles.length} file import cycle(s), ${folderCycles.length} folder import cycle(s)`
      : 'No import cycles (files and folders).',
  );
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === __filename) {
  const args = process.argv.slice(2);
  const folders = args.length ? args : DEFAULT_FOLDERS.filter((f) => fs.existsSync(path.join(ROOT, f)));
  const fileCycles = findImportCycles(folders);
  const folderCycles = findFolderCycles(folders);
  process.stdout.write(cycleReport(fileCycles, folderCycles));
  process.exitCode = fileCycles.length || folderCycles.length ? 1 : 0;
}
