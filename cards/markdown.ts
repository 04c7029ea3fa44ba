import { escapeMarkdown } from './escape-markdown';

/**
 * Text that is safe to put in a TextBlock or Fact as markdown. Only this module and the `md` tag create it,
 * so every builder that accepts Markdown gets either author-written text or escaped user text.
 */
export class Markdown {
  private constructor(readonly value: string) {}

  /** Author-written markdown (constants in this folder). Never pass user input here. */
  static trusted(value: string): Markdown {
    return new Markdown(value);
  }

  /** Untrusted text, escaped so it shows literally. */
  static plain(value: string, options?: { multiline?: boolean }): Markdown {
    return new Markdown(escapeMarkdown(value, options));
  }

  /** Joins pieces with a separator (the separator is author text). */
  static join(parts: readonly Markdown[], separator: string): Markdown {
    return new Markdown(parts.map((p) => p.value).join(separator));
  }

  toString(): string {
    return this.value;
  }
}

/** A value that `md` accepts: Markdown passes through, anything else is escaped as plain text. */
export type MdValue = Markdown | string | number;

/**
 * Tagged template for card text: the literal parts are author markdown, every interpolated string is
 * escaped. `md\`Added **${name}**\`` is safe for any name.
 */
export function md(strings: TemplateStringsArray, ...values: MdValue[]): Markdown {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += v instanceof Markdown ? v.value : escapeMarkdown(String(v));
    out += strings[i + 1] ?? '';
  });
  return Markdown.trusted(out);
}

/** Shorthand for Markdown.plain. */
export function plain(value: string): Markdown {
  return Markdown.plain(value);
}
