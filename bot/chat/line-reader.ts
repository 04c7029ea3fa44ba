/**
 * What one typed line means in a terminal chat (`groupbot chat`, `groupbot cloud`), given the latest card's
 * buttons: a number presses a button; a button that uses the card's inputs first asks for them, one line each
 * (empty keeps the shown value), then presses it; "exit" or "quit" ends; other text is a message. Pure.
 */
import type { RenderedAction, RenderedInput } from '../../cards';

/** The buttons and inputs of the latest card, as the chat shows them. */
export interface ShownCard {
  actions: RenderedAction[];
  inputs: RenderedInput[];
}

/** What to do with a line. */
export type LineStep =
  | { kind: 'ask'; prompt: string }
  | { kind: 'click'; button: number; values?: Record<string, string> }
  | { kind: 'say'; text: string }
  | { kind: 'exit' }
  | { kind: 'nothing' };

/** The prompt for one input: "  Reason (a / b) [shown value]: ". */
export function inputPrompt(input: RenderedInput): string {
  const choices = input.choices?.length ? ` (${input.choices.map((c) => c.value).join(' / ')})` : '';
  return `  ${input.label}${choices}${input.value ? ` [${input.value}]` : ''}: `;
}

/** Reads lines one after another; remembers a button whose inputs are being answered. */
export class LineReader {
  private filling: { button: number; inputs: RenderedInput[]; values: Record<string, string> } | undefined;

  /** The step for `raw` (trimmed), given the latest card (undefined when it has no buttons). Never throws. */
  read(raw: string, card: ShownCard | undefined): LineStep {
    const line = raw.trim();
    if (this.filling) return this.answer(line);
    if (line === 'exit' || line === 'quit') return { kind: 'exit' };
    if (/^\d+$/.test(line) && card) {
      const action = card.actions.find((a) => a.number === Number(line));
      const inputs = action?.usesInputs ? card.inputs : [];
      if (!inputs[0]) return { kind: 'click', button: Number(line) };
      this.filling = { button: Number(line), inputs, values: {} };
      return { kind: 'ask', prompt: inputPrompt(inputs[0]) };
    }
    return line ? { kind: 'say', text: line } : { kind: 'nothing' };
  }

  /** Forgets a half-answered button (after an error). */
  reset(): void {
    this.filling = undefined;
  }

  private answer(line: string): LineStep {
    const filling = this.filling as NonNullable<LineReader['filling']>;
    const input = filling.inputs[Object.keys(filling.values).length] as RenderedInput;
    filling.values[input.id] = line || input.value || '';
    const next = filling.inputs[Object.keys(filling.values).length];
    if (next) return { kind: 'ask', prompt: inputPrompt(next) };
    this.filling = undefined;
    return { kind: 'click', button: filling.button, values: filling.values };
  }
}
