/** Placeholder until this sub-command lands; replaced by its owner. */
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('groupbot: this command is not available yet\n');
  return 1;
}
