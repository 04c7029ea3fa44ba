/**
 * Finds exports of the project's source folders that no other file imports: "not imported anywhere", and
 * "imported only by tests" (every importer is under test/). Imports through re-exports (`export { x } from`,
 * `export * from`) count for every hop; a namespace import, `import('…')` or `require('…')` counts for every export
 * of the module; `typeof import('…').X` counts for X. A use inside the exporting file is not an import (the report
 * says which unimported exports their own file does not use either: dead code). The public entry points of the
 * emulator and the local cloud (their index.ts, API for other programs) are not checked. Prints both lists and
 * their counts; exits 1 when either is not empty.
 *
 *   node bin/run-ts.js scripts/dead-exports.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './source-files';

const ROOT = path.resolve(__dirname, '..');
/** The folders whose exports are checked. */
export const SOURCE_FOLDERS = ['bot', 'cards', 'common', 'graph-emulator', 'graph-model', 'local-cloud'];
/** The folders that may import them besides: tests (counted apart), benchmarks, scripts. */
const OTHER_FOLDERS = ['test', 'bench', 'scripts'];
/** Public entry points of parts other programs use on their own (the emulator, the local cloud): not checked. */
const PUBLIC_ENTRY_POINTS = ['graph-emulator/index.ts', 'local-cloud/index.ts'];

/** One export, the files (relative to the root) that import it, and whether its own file uses it. */
export interface ExportUse {
  readonly file: string;
  readonly name: string;
  readonly importers: readonly string[];
  readonly usedInOwnFile: boolean;
  /** Whether the export passes on another file's (`export { x } from`, or an imported name exported again). */
  readonly reExport: boolean;
}

/** The verdict on the exports of the source folders. */
export interface DeadExports {
  readonly unused: readonly ExportUse[];
  readonly testsOnly: readonly ExportUse[];
  /** How many exports were checked. */
  readonly checked: number;
}

/** The sources under `dir`, none when the folder does not exist (not every checkout has every folder). */
function sourcesIfPresent(dir: string): string[] {
  return fs.existsSync(dir) ? sourceFiles(dir) : [];
}

/** `file:name`, the key of one export. */
function keyOf(file: string, name: string): string {
  return `${file}:${name}`;
}

/** Records who imports what, following re-export aliases hop by hop. */
class UseRecorder {
  readonly importers = new Map<string, Set<string>>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly rel: (file: string) => string,
  ) {}

  /** `importer` uses `name` of the module `moduleSymbol` (every export when `name` is undefined). */
  use(importer: string, moduleSymbol: ts.Symbol | undefined, name?: string): void {
    if (!moduleSymbol) return;
    const exports = this.checker.getExportsOfModule(moduleSymbol);
    for (const symbol of name === undefined ? exports : exports.filter((s) => s.name === name)) {
      this.follow(importer, symbol);
    }
  }

  private follow(importer: string, start: ts.Symbol): void {
    let symbol: ts.Symbol | undefined = start;
    for (let hops = 0; symbol && hops < 20; hops++) {
      const declaration = symbol.declarations?.[0];
      if (declaration) {
        const file = this.rel(declaration.getSourceFile().fileName);
        const key = keyOf(file, symbol.name);
        if (file !== importer) this.importers.set(key, (this.importers.get(key) ?? new Set()).add(importer));
      }
      if (!(symbol.flags & ts.SymbolFlags.Alias)) return;
      symbol = this.checker.getImmediateAliasedSymbol(symbol);
    }
  }
}

/** Every import, re-export, dynamic import, require and import type of `sf`, recorded on `uses`. */
function recordUses(sf: ts.SourceFile, program: ts.Program, uses: UseRecorder, importer: string): void {
  const checker = program.getTypeChecker();
  const moduleOf = (specifier: ts.Node): ts.Symbol | undefined => {
    const symbol = checker.getSymbolAtLocation(specifier);
    if (symbol || !ts.isStringLiteral(specifier)) return symbol;
    // `require('./x')` in a .ts file: the checker does not resolve it, so resolve the path as Node would.
    const resolved = ts.resolveModuleName(specifier.text, sf.fileName, program.getCompilerOptions(), ts.sys);
    const target = resolved.resolvedModule && program.getSourceFile(resolved.resolvedModule.resolvedFileName);
    return target && checker.getSymbolAtLocation(target);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const mod = moduleOf(node.moduleSpecifier);
      const clause = node.importClause;
      if (clause?.name) uses.use(importer, mod, 'default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) uses.use(importer, mod);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) uses.use(importer, mod, (el.propertyName ?? el.name).text);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const mod = moduleOf(node.moduleSpecifier);
      if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) return;
      for (const el of node.exportClause.elements) uses.use(importer, mod, (el.propertyName ?? el.name).text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const mod = moduleOf(node.argument.literal);
      const first = node.qualifier && (ts.isIdentifier(node.qualifier) ? node.qualifier : leftmost(node.qualifier));
      uses.use(importer, mod, first?.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (dynamic || required) uses.use(importer, moduleOf(node.arguments[0]));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function leftmost(name: ts.QualifiedName): ts.Identifier {
  return ts.isIdentifier(name.left) ? name.left : leftmost(name.left);
}

/** The exports declared in `sf` itself (not those `export *` passes through from elsewhere). */
function ownExports(sf: ts.SourceFile, checker: ts.TypeChecker): ts.Symbol[] {
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return [];
  return checker.getExportsOfModule(moduleSymbol).filter((s) => s.declarations?.some((d) => d.getSourceFile() === sf));
}

/** The names `sf` refers to other than where they are declared, as the exported symbols they stand for. */
function localUses(sf: ts.SourceFile, checker: ts.TypeChecker): Set<ts.Symbol> {
  const used = new Set<ts.Symbol>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isDeclarationName(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      if (symbol) used.add(checker.getExportSymbolOfSymbol(symbol));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return used;
}

/** Whether `id` names what its parent declares (`x` in `const x`, `function x`, `export { x }`), not a use of it. */
function isDeclarationName(id: ts.Identifier): boolean {
  const parent = id.parent as ts.Node & { name?: ts.Node };
  return parent.name === id && !ts.isPropertyAccessExpression(parent);
}

/**
 * The exports of `sourceFolders` (under `root`, but `publicEntryPoints`) that no other file among them and
 * `otherFolders` imports, and those only test/ imports. Never throws for a readable tree.
 */
export function findDeadExports(
  root: string = ROOT,
  sourceFolders: readonly string[] = SOURCE_FOLDERS,
  otherFolders: readonly string[] = OTHER_FOLDERS,
  publicEntryPoints: readonly string[] = PUBLIC_ENTRY_POINTS,
): DeadExports {
  const sources = sourceFolders.flatMap((f) => sourcesIfPresent(path.join(root, f)));
  const all = [...sources, ...otherFolders.flatMap((f) => sourcesIfPresent(path.join(root, f)))];
  const program = ts.createProgram(all, {
    allowJs: false,
    noEmit: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const uses = new UseRecorder(checker, rel);
  for (const file of all) {
    const sf = program.getSourceFile(file);
    if (sf) recordUses(sf, program, uses, rel(file));
  }
  const unused: ExportUse[] = [];
  const testsOnly: ExportUse[] = [];
  let checked = 0;
  for (const file of sources) {
    const sf = program.getSourceFile(file);
    if (!sf || publicEntryPoints.includes(rel(file))) continue;
    const local = localUses(sf, checker);
    for (const symbol of ownExports(sf, checker)) {
      checked++;
      const name = symbol.name;
      const importers = [...(uses.importers.get(keyOf(rel(file), name)) ?? [])].sort();
      const reExport = (symbol.flags & ts.SymbolFlags.Alias) !== 0;
      const use = { file: rel(file), name, importers, usedInOwnFile: local.has(symbol), reExport };
      if (importers.length === 0) unused.push(use);
      else if (importers.every((f) => f.startsWith('test/'))) testsOnly.push(use);
    }
  }
  return { unused, testsOnly, checked };
}

/** What an unimported export is besides: dead code, a dead re-export, or only needlessly exported (''). */
function verdict(u: ExportUse): string {
  if (u.usedInOwnFile) return '';
  return u.reExport ? ' (unused re-export)' : ' (unused)';
}

/** The report the command prints. */
export function deadExportReport(dead: DeadExports): string {
  const unusedAtAll = dead.unused.filter((u) => !u.usedInOwnFile);
  const lines = [
    `Not imported anywhere (${dead.unused.length}; ${unusedAtAll.length} not used in their own file either):`,
  ];
  for (const u of dead.unused) lines.push(`  ${u.file}: ${u.name}${verdict(u)}`);
  lines.push(`Imported only by tests (${dead.testsOnly.length}):`);
  for (const u of dead.testsOnly) lines.push(`  ${u.file}: ${u.name} (${u.importers.join(', ')})`);
  lines.push(
    `${dead.unused.length} not imported anywhere (${unusedAtAll.length} unused even in their own file), ` +
      `${dead.testsOnly.length} imported only by tests, of ${dead.checked} exports`,
  );
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === __filename) {
  const dead = findDeadExports();
  process.stdout.write(deadExportReport(dead));
  process.exitCode = dead.unused.length || dead.testsOnly.length ? 1 : 0;
}
