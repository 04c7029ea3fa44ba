/**
 * What a command that needs the bot's store says when the bot runs without one (a terminal chat whose store did not
 * open): one sentence with what to run. Pure.
 */

/** "<what> need the bot's store, which this chat runs without: …" — `what` is plural ("Access requests"). */
export function storeNeeded(what: string): string {
  return (
    `${what} need the bot's store, which this chat runs without: start the stack with \`npm start\` ` +
    'and chat through its bot with `npx groupbot chat --as <your sign-in>` (or stop the other groupbot process that holds DATA_DIR).'
  );
}
