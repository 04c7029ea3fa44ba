/**
 * Colours as Microsoft Teams renders Adaptive Cards (its light and dark host configurations), and the WCAG 2
 * contrast ratio between them, so that coloured blocks can be checked for readability (at least 4.5:1 for
 * normal text). Colours are `#RRGGBB` or `#AARRGGBB` (alpha first, as host configurations write them).
 */
import type { ContainerStyle, TextColor } from './card-types';

export type Theme = 'light' | 'dark';

interface Palette {
  /** Background of each container style. */
  background: Record<ContainerStyle, string>;
  /** Text colour per container style and colour name (normal, not subtle). */
  foreground: (style: ContainerStyle, color: TextColor) => string;
}

const LIGHT_TEXT: Record<TextColor, string> = {
  Default: '#ff252424',
  Dark: '#252424',
  Light: '#ffffff',
  Accent: '#6264a7',
  Good: '#92c353',
  Warning: '#f8d22a',
  Attention: '#c4314b',
};
const DARK_TEXT_ON_DARK: Record<TextColor, string> = {
  Default: '#ffffffff',
  Dark: '#ff201f1f',
  Light: '#ffffffff',
  Accent: '#ffa6a7dc',
  Good: '#ff92c353',
  Warning: '#fff8d22a',
  Attention: '#ffd74654',
};
const DARK_TEXT_ON_LIGHT: Record<TextColor, string> = { ...DARK_TEXT_ON_DARK, Default: '#ff201f1f' };

/** Teams' light and dark palettes (container backgrounds, text colours). */
export const TEAMS_THEMES: Record<Theme, Palette> = {
  light: {
    background: {
      default: '#ffffff',
      emphasis: '#fff9f8f7',
      accent: '#C7DEF9',
      good: '#CCFFCC',
      attention: '#FFC5B2',
      warning: '#FFE2B2',
    },
    foreground: (_style, color) => LIGHT_TEXT[color],
  },
  dark: {
    background: {
      default: '#ff2d2c2c',
      emphasis: '#ff292828',
      accent: '#C7DEF9',
      good: '#CCFFCC',
      attention: '#FFC5B2',
      warning: '#FFE2B2',
    },
    // Teams keeps the coloured container backgrounds light in the dark theme, with dark default text on them.
    foreground: (style, color) =>
      (style === 'default' || style === 'emphasis' ? DARK_TEXT_ON_DARK : DARK_TEXT_ON_LIGHT)[color],
  },
};

function rgba(hex: string): [number, number, number, number] {
  const h = hex.replace('#', '');
  if (h.length === 8)
    return [
      parseInt(h.slice(2, 4), 16),
      parseInt(h.slice(4, 6), 16),
      parseInt(h.slice(6, 8), 16),
      parseInt(h.slice(0, 2), 16) / 255,
    ];
  if (h.length === 6) return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 1];
  throw new Error(`not a colour: ${hex}`);
}

function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r as number) + 0.7152 * lin(g as number) + 0.0722 * lin(b as number);
}

/**
 * WCAG 2 contrast ratio of text over a background (a translucent text colour is blended over the
 * background first), from 1 to 21. Throws Error for a string that is not a colour.
 */
export function contrastRatio(text: string, background: string): number {
  const bg = rgba(background);
  const fg = rgba(text);
  const a = fg[3];
  const blended = [0, 1, 2].map((i) => (fg[i] as number) * a + (bg[i] as number) * (1 - a));
  const l1 = luminance(blended);
  const l2 = luminance(bg);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/** Contrast of a text colour inside a container style, as Teams renders it in a theme. Never throws. */
export function teamsContrast(theme: Theme, style: ContainerStyle, color: TextColor = 'Default'): number {
  const p = TEAMS_THEMES[theme];
  return contrastRatio(p.foreground(style, color), p.background[style]);
}
