/** Loads the rule test vectors (rule-vectors.json next to this file). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RuleVectors {
  now: string;
  objects: Record<string, Record<string, unknown>>;
  valid: { rule: string; canonical?: string; match: string[]; noMatch: string[] }[];
  invalid: { rule: string; error: string; column: number }[];
}

/** Reads and parses the vectors file. Throws when it is missing or not JSON. */
export function loadVectors(): RuleVectors {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'rule-vectors.json'), 'utf8')) as RuleVectors;
}
