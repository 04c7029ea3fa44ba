/**
 * Reads the promises the README makes to a first-time user, so that a test can check each one against the running
 * stack and fail when the README changes a promise the test does not check: the rows of the "Things to try"
 * table, the numbered steps of "Try an approval", and the lines of the command-line block that follows the table.
 * Pure: text in, structures out.
 */

/** One row of "Things to try". */
export interface TryRow {
  /** The "you type" cell as written (the key a check is registered under). */
  youType: string;
  /** The code spans of that cell, in order: what to type. */
  examples: string[];
  /** The "what happens" cell as written. */
  happens: string;
}

/** One numbered step of "Try an approval". */
export interface ApprovalStep {
  n: number;
  /** The step's text, its lines joined by single spaces. */
  text: string;
  /** Its code spans, in order. */
  code: string[];
}

/** One line of the command block after "The command line also parses and checks without the bot:". */
export interface CommandLine {
  /** The shell command, without its trailing `# comment`. */
  command: string;
  /** The comment after `#`, or '' when there is none. */
  comment: string;
}

/** The README lacks a part these promises are read from. */
export class ReadmeShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadmeShapeError';
  }
}

/** The code spans of a piece of Markdown, in order. Pure. */
export function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}

/** The cells of one table line `| a | b |`, trimmed; a `|` inside a code span does not split. Pure. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let inCode = false;
  for (const ch of line.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (ch === '`') inCode = !inCode;
    if (ch === '|' && !inCode) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

/** The lines after the first line that equals `marker` (trimmed). Throws ReadmeShapeError when it is missing. */
function after(readme: string, marker: string): string[] {
  const lines = readme.split('\n');
  const at = lines.findIndex((l) => l.trim() === marker);
  if (at < 0) throw new ReadmeShapeError(`README.md has no line '${marker}'`);
  return lines.slice(at + 1);
}

/**
 * The rows of the table after "Things to try:" (header and separator skipped).
 * @throws ReadmeShapeError when the marker or the table is missing, or a row has not two cells.
 */
export function thingsToTry(readme: string): TryRow[] {
  const lines = after(readme, 'Things to try:');
  const start = lines.findIndex((l) => l.trim().startsWith('|'));
  if (start < 0) throw new ReadmeShapeError("README.md has no table after 'Things to try:'");
  const table: string[] = [];
  for (const l of lines.slice(start)) {
    if (!l.trim().startsWith('|')) break;
    table.push(l);
  }
  return table.slice(2).map((line) => {
    const c = cells(line);
    if (c.length !== 2) throw new ReadmeShapeError(`a "Things to try" row has ${c.length} cells: ${line}`);
    const [youType, happens] = c as [string, string];
    return { youType, examples: codeSpans(youType), happens };
  });
}

/**
 * The numbered steps under "### Try an approval", up to the next heading.
 * @throws ReadmeShapeError when the heading or its steps are missing.
 */
export function approvalSteps(readme: string): ApprovalStep[] {
  const steps: ApprovalStep[] = [];
  for (const line of after(readme, '### Try an approval')) {
    if (line.startsWith('#')) break;
    const numbered = /^(\d+)\.\s+(.*)$/.exec(line);
    if (numbered) steps.push({ n: Number(numbered[1]), text: (numbered[2] as string).trim(), code: [] });
    else if (line.trim() && steps.length) {
      const last = steps[steps.length - 1] as ApprovalStep;
      last.text += ` ${line.trim()}`;
    }
  }
  if (steps.length === 0) throw new ReadmeShapeError("README.md has no numbered steps under '### Try an approval'");
  for (const s of steps) s.code = codeSpans(s.text);
  return steps;
}

/**
 * The lines of the first ```sh block after "The command line also parses and checks without the bot:".
 * @throws ReadmeShapeError when the marker or the block is missing.
 */
export function commandBlock(readme: string): CommandLine[] {
  const lines = after(readme, 'The command line also parses and checks without the bot:');
  const open = lines.findIndex((l) => l.trim() === '```sh');
  if (open < 0) throw new ReadmeShapeError('README.md has no ```sh block after its command-line sentence');
  const out: CommandLine[] = [];
  for (const line of lines.slice(open + 1)) {
    if (line.trim() === '```') return out;
    if (!line.trim()) continue;
    // A '#' starts the comment only outside quotes (the commands quote JSON and rules).
    let quote = '';
    let cut = -1;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) {
        cut = i;
        break;
      }
    }
    out.push({
      command: (cut < 0 ? line : line.slice(0, cut)).trim(),
      comment: cut < 0 ? '' : line.slice(cut + 1).trim(),
    });
  }
  throw new ReadmeShapeError('the README command block is not closed');
}
