/**
 * Lists the functions (declarations, methods, accessors, constructors, arrow functions and function expressions)
 * longer than a limit under the given folders, longest first, and the count over the limit. A function's length is
 * its lines from the line it starts on to the line its body ends on. Exits 1 when any function is over the limit.
 *
 *   node bin/run-ts.js scripts/function-length.ts [--max N] [folder ...]     (default: --max 60 bot/commands)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './source-files';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_MAX = 60;

/** One function found in a source file. */
export interface FunctionLength {
  /** The function's name as a reader would search for it (`run`, `Class.method`, `outer > arrow`). */
  name: string;
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line the function starts on. */
  line: number;
  lines: number;
}

type FunctionNode = ts.FunctionLikeDeclaration;

function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  );
}

/** The name a node is known by: its own, or the variable, property or call argument it is assigned to. */
function ownName(node: FunctionNode, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) return `${parent.expression.getText(source)}(…)`;
  return '(anonymous)';
}

function classPrefix(node: FunctionNode): string {
  const parent = node.parent;
  if (ts.isClassLike(parent) && parent.name) return `${parent.name.text}.`;
  return '';
}

function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line + 1;
}

/** Every function in one file with its length in lines; nested functions are listed under `outer > inner`. */
export function functionsIn(file: string): FunctionLength[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const relative = path.relative(ROOT, file);
  const visit = (node: ts.Node, outer: string[]): void => {
    let names = outer;
    if (isFunctionNode(node) && node.body) {
      const name = `${classPrefix(node)}${ownName(node, source)}`;
      names = [...outer, name];
      const line = lineOf(source, node.getStart(source));
      const lines = lineOf(source, node.getEnd()) - line + 1;
      found.push({ name: names.join(' > '), file: relative, line, lines });
    }
    ts.forEachChild(node, (child) => visit(child, names));
  };
  visit(source, []);
  return found;
}

/** The functions under `folders` (relative to the repository root or absolute), longest first. Never throws for a readable tree. */
export function functionLengths(folders: string[]): FunctionLength[] {
  const files = folders.flatMap((f) => sourceFiles(path.resolve(ROOT, f)));
  return files.flatMap(functionsIn).sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

/** The functions under `folders` longer than `max` lines, longest first. */
export function functionsOver(folders: string[], max = DEFAULT_MAX): FunctionLength[] {
  return functionLengths(folders).filter((f) => f.lines > max);
}

function describe(f: FunctionLength): string {
  return `${f.lines} lines ${f.name} ${f.file}:${f.line}`;
}

function parseArgs(argv: string[]): { max: number; folders: string[] } {
  const folders: string[] = [];
  let max = DEFAULT_MAX;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--max') {
      max = Number(argv[++i]);
      if (!Number.isInteger(max) || max < 1) throw new Error('--max needs a positive whole number');
    } else {
      folders.push(arg);
    }
  }
  return { max, folders: folders.length ? folders : ['bot/commands'] };
}

if (process.argv[1] === __filename) {
  const { max, folders } = parseArgs(process.argv.slice(2));
  const all = functionLengths(folders);
  const over = all.filter((f) => f.lines > max);
  for (const f of over) process.stdout.write(`${describe(f)}\n`);
  if (all[0]) process.stdout.write(`longest: ${describe(all[0])}\n`);
  process.stdout.write(`${over.length} function(s) over ${max} lines\n`);
  process.exitCode = over.length ? 1 : 0;
}
