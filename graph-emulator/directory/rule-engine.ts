/**
 * The dynamic-membership rule engine as the emulator uses it: the shared rule language (common/rules) with the
 * compiled rules cached by text, since the emulator re-evaluates the same few rules on every directory change.
 */
import { checkRule, compileRule, type CompiledRule, type RuleCheck } from '../../common/rules';

export interface RuleEngine {
  /** Validates rule text: the canonical form, or the reason and 1-based column. Never throws. */
  check(text: string): RuleCheck;
  /** Compiled rule (cached by text); undefined when the rule is invalid. Never throws. */
  compile(text: string): CompiledRule | undefined;
}

/** The rule engine over common/rules, with its own compile cache. Never throws. */
export function loadRuleEngine(): RuleEngine {
  const cache = new Map<string, CompiledRule | undefined>();
  return {
    check: (text) => checkRule(text),
    compile: (text) => {
      if (cache.has(text)) return cache.get(text);
      const compiled = checkRule(text).valid ? compileRule(text) : undefined;
      cache.set(text, compiled);
      return compiled;
    },
  };
}
