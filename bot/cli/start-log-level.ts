/**
 * How much `groupbot start` logs: a person at a terminal reads the human lines (URLs, "ready in …") first, so the
 * routine JSON lines (`emulator.listening`, `bot.listening`, …) are left out there unless LOG_LEVEL=debug asks for
 * everything; warnings and errors still appear. When stdout is not a terminal (CI, a file, a pipe) the configured
 * level applies, JSON lines included.
 */
import type { Level } from '../log';

/** The level start logs at, for the configured level and whether stdout is a terminal. Pure. */
export function startLogLevel(configured: Level, stdoutIsTerminal: boolean): Level {
  if (!stdoutIsTerminal || configured === 'debug') return configured;
  return configured === 'info' ? 'warn' : configured;
}
