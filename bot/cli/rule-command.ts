/**
 * `groupbot rule ...`: exercise the rule engine without the bot.
 *   rule check "<rule>"               → {"valid": true, "canonical": "..."} (exit 0) or {"valid": false, "error", "column"} (exit 1)
 *   rule eval "<rule>" [--now ISO]    → reads Graph user JSON, one object a line, prints true/false a line, in order
 *   rule explain "<rule>" [--now ISO] → like eval, but prints {"matched", "reason"} a line
 *   rule odata "<rule>"               → {"filter": "..."} or {"unsupported": "..."}
 *   rule from-english "<text>"        → {"rule", "summary"} or null (exit 1)
 */
import * as readline from 'node:readline';
import { UsageError, parseCommandLine, type CommandLine } from '../../graph-emulator/cli/cli-args';
import { checkRule, compileRule, type CompiledRule, type RuleContext } from '../../common/rules';
import { ruleFromPlainEnglish } from '../../common/rules/rule-from-plain-english';

const USAGE =
  [
    'usage: groupbot rule check "<rule>"',
    '       groupbot rule eval "<rule>" [--now <ISO instant>]   (Graph user JSON on stdin, one object a line)',
    '       groupbot rule explain "<rule>" [--now <ISO instant>]',
    '       groupbot rule odata "<rule>"',
    '       groupbot rule from-english "<request>"',
    'Quote the rule as one argument, e.g. groupbot rule check \'user.city -eq "Seattle"\'; put -- before a rule that starts with a dash.',
  ].join('\n') + '\n';

function out(line: string): void {
  process.stdout.write(line + '\n');
}

function err(line: string): void {
  process.stderr.write(line + '\n');
}

interface Args {
  sub: string;
  text: string;
  now?: Date;
}

function parseArgs(argv: string[]): Args | string {
  let line: CommandLine;
  try {
    line = parseCommandLine(argv, ['now'], true);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // `rule check user.city -eq Seattle`: the shell split the rule, and `-eq` reads as an option.
    if (/^unknown argument '-[^-]/.test(e.message)) return 'a rule is one argument: put the whole rule in quotes';
    return e.message;
  }
  const [sub, ...positional] = line.positionals;
  if (!sub) return 'missing sub-command';
  let now: Date | undefined;
  if (line.options.now !== undefined) {
    const ms = Date.parse(line.options.now);
    if (Number.isNaN(ms)) return `--now needs an ISO 8601 instant such as 2025-01-31T12:00:00Z`;
    now = new Date(ms);
  }
  if (positional.length === 0) return `missing the ${sub === 'from-english' ? 'request' : 'rule'} argument`;
  if (positional.length > 1)
    return `expected one argument but got ${positional.length}; put the whole ${sub === 'from-english' ? 'request' : 'rule'} in quotes`;
  return { sub, text: positional[0] as string, ...(now ? { now } : {}) };
}

async function evalLines(rule: CompiledRule, ctx: RuleContext, explain: boolean): Promise<number> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let user: unknown;
    try {
      user = JSON.parse(line);
    } catch (e) {
      err(`groupbot rule: line ${lineNo} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      rl.close();
      return 1;
    }
    if (user === null || typeof user !== 'object' || Array.isArray(user)) {
      err(`groupbot rule: line ${lineNo} is not a JSON object (expected one Graph user object a line)`);
      rl.close();
      return 1;
    }
    const record = user as Record<string, unknown>;
    if (explain) out(JSON.stringify(rule.explain(record, ctx)));
    else out(rule.matches(record, ctx) ? 'true' : 'false');
  }
  return 0;
}

/** Runs `groupbot rule ...`; resolves to the exit code (0 ok, 1 invalid rule or input, 2 usage). Never throws on bad input. */
export async function run(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err(`groupbot rule: ${args}`);
    process.stderr.write(USAGE);
    return 2;
  }
  const ctx: RuleContext = args.now ? { now: args.now } : {};
  switch (args.sub) {
    case 'check': {
      const check = checkRule(args.text);
      out(JSON.stringify(check));
      return check.valid ? 0 : 1;
    }
    case 'eval':
    case 'explain':
    case 'odata': {
      const check = checkRule(args.text);
      if (!check.valid) {
        err(JSON.stringify(check));
        return 1;
      }
      const rule = compileRule(args.text);
      if (args.sub === 'odata') {
        out(JSON.stringify(rule.toODataFilter(ctx)));
        return 0;
      }
      return evalLines(rule, ctx, args.sub === 'explain');
    }
    case 'from-english': {
      const result = ruleFromPlainEnglish(args.text);
      out(JSON.stringify(result));
      return result ? 0 : 1;
    }
    default:
      err(`groupbot rule: unknown sub-command '${args.sub}'`);
      process.stderr.write(USAGE);
      return 2;
  }
}
