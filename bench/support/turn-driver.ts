/**
 * What the bot-turn benchmark needs from each bot under test: one timed text turn at a time, and the times it
 * recorded. Drivers are run interleaved so that every bot sees the same machine load.
 */

export interface TurnDriver {
  /** The variant's name, as printed. */
  readonly name: string;
  /** The p50 ratio to the echo bot this variant should stay under, if it has a target. */
  readonly target?: number;
  /** Recorded turn times, in milliseconds. */
  readonly times: number[];
  /**
   * One text turn, timed from the start of the POST until both the HTTP answer and the bot's reply have arrived;
   * recorded unless `record` is false. Throws on a non-200 answer, a late reply or an unexpected first reply.
   */
  turn(record: boolean): Promise<void>;
}

/**
 * Runs `rounds` rounds of one turn per driver, the order rotating each round: on a shared machine, running the
 * bots one after the other would measure the load drift. Rejects with the first failing turn's error.
 */
export async function interleave(drivers: readonly TurnDriver[], rounds: number, record: boolean): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < drivers.length; k++) await (drivers[(r + k) % drivers.length] as TurnDriver).turn(record);
  }
}
