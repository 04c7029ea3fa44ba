/**
 * Entra dynamic membership rules, pure (no I/O): validate, canonicalise, evaluate, explain, translate to OData,
 * preview and build from plain English. Shared by the bot and the Graph emulator.
 */
export { RuleSyntaxError } from './rule-syntax-error';
export { compileRule, checkRule, type CompiledRule, type RuleContext, type RuleCheck } from './rule-compile';
export { parseRule } from './rule-parser';
export { printRule } from './rule-print';
