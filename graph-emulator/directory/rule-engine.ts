/**
 * The dynamic-membership rule engine as the emulator uses it: bot/rules (the RULES part of groupbot) when it
 * is present, else a stand-in that stores rules without evaluating them (so the emulator still starts while
 * that part is being built).
 */
import * as path from 'node:path';

export interface CompiledRuleLike {
  readonly kind: 'expression' | 'directReports' | 'memberOf';
  readonly managerId?: string;
  readonly sourceGroupIds?: readonly string[];
  matches(user: Record<string, unknown>, ctx?: { now?: Date; memberOf?: readonly string[] }): boolean;
}

export type RuleCheckLike = { valid: true; canonical: string } | { valid: false; error: string; column: number };

export interface RuleEngine {
  /** False when bot/rules is not available: rules are stored but not evaluated. */
  readonly available: boolean;
  check(text: string): RuleCheckLike;
  /** Compiled rule (cached by text); undefined when the engine is unavailable or the rule is invalid. */
  compile(text: string): CompiledRuleLike | undefined;
}

interface RulesModule {
  checkRule(text: string): RuleCheckLike;
  compileRule(text: string): CompiledRuleLike;
}

/**
 * Loads bot/rules. Returns the stand-in when the module does not exist yet.
 * Throws when the module exists but fails to load (a real bug to surface).
 */
export function loadRuleEngine(): RuleEngine {
  const modulePath = path.resolve(__dirname, '../../bot/rules');
  let mod: Partial<RulesModule>;
  try {
    // A path computed at run time (the module may not exist yet), so a static import cannot be used.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(modulePath) as Partial<RulesModule>;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'MODULE_NOT_FOUND' && e.message.includes(modulePath)) return unavailableEngine();
    throw err;
  }
  const { checkRule, compileRule } = mod;
  if (typeof checkRule !== 'function' || typeof compileRule !== 'function') return unavailableEngine();
  const cache = new Map<string, CompiledRuleLike | undefined>();
  return {
    available: true,
    check: (text) => checkRule(text),
    compile: (text) => {
      if (cache.has(text)) return cache.get(text);
      let compiled: CompiledRuleLike | undefined;
      if (checkRule(text).valid) compiled = compileRule(text);
      cache.set(text, compiled);
      return compiled;
    },
  };
}

function unavailableEngine(): RuleEngine {
  return {
    available: false,
    check: (text) =>
      text.trim() ? { valid: true, canonical: text.trim() } : { valid: false, error: 'The rule is empty.', column: 1 },
    compile: () => undefined,
  };
}
