import type { Intent } from '../language';
import { readMembersForExport } from '../directory/members-export-read';
import { isDynamic } from '../directory/types';
import { toCsv } from '../exports/csv-write';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { outcome, say } from './reply';
import { oneGroup } from './group-target';
import { groupRef } from './views';
import { logOf } from '../log';
import { FileNotDelivered } from '../exports/file-sink';

export const EXPORT_HEADER = ['Name', 'Mail', 'User principal name', 'Type', 'How they are in the group'] as const;
/** Rows shown inline where no file can be delivered. */
const INLINE_ROWS = 50;

/** "Marketing members 2026-12-05.csv", without characters file systems refuse. Never throws. */
export function exportFileName(groupName: string, now: Date): string {
  const safe =
    groupName
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .trim()
      .slice(0, 80) || 'group';
  return `${safe} members ${now.toISOString().slice(0, 10)}.csv`;
}

/** The first rows of a CSV as text (the header and up to INLINE_ROWS rows). Never throws. */
function inlineRows(csv: string): string {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(0, INLINE_ROWS + 1)
    .join('\n');
}

/**
 * "export the members of Marketing": a CSV (name, mail, UPN, type, how they are in the group: directly,
 * through which nested group, by the rule, owners) handed to the context's file sink, which saves it in the
 * user's own OneDrive and answers with a link (bot/exports/onedrive-file-sink.ts). When the file cannot be
 * delivered (no sink, no Files.ReadWrite, no OneDrive, a failure) the user is told why and gets the first rows
 * as text, so the export is never lost silently. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const t = await oneGroup(intent, ctx, 'to export', 'export the members of Marketing');
  if (!t.ok) return t.outcome;
  const g = t.group;
  let rows;
  try {
    rows = await readMembersForExport(ctx.graph, g.id, isDynamic(g));
  } catch (err) {
    return outcome(failureReply(err, { action: 'read' }, groupRef(g)));
  }
  const csv = toCsv(
    EXPORT_HEADER,
    rows.map((r) => [r.displayName, r.mail, r.userPrincipalName, r.type, r.how]),
  );
  const name = exportFileName(g.displayName, ctx.now());
  const direct = rows.filter((r) => r.how.startsWith('Direct') || r.how.startsWith('Member by')).length;
  const description = `${rows.length} ${rows.length === 1 ? 'row' : 'rows'} for '${g.displayName}': ${direct} direct, ${rows.length - direct} through nested groups or as owners only.`;
  const shown = `here are the first ${Math.min(rows.length, INLINE_ROWS)} rows as CSV:\n${inlineRows(csv)}`;
  try {
    const sent = await ctx.files.offer(
      { name, contentType: 'text/csv; charset=utf-8', body: Buffer.from(csv, 'utf8'), description, rows: rows.length },
      ctx.graph,
    );
    return outcome(sent);
  } catch (err) {
    if (err instanceof FileNotDelivered) return say(`${description} ${err.reason} Meanwhile, ${shown}`);
    logOf(ctx).warn('export.offer.failed', { error: err });
    return say(
      `${description} I made the export of '${g.displayName}' but couldn't save the file for you; please try again. Meanwhile, ${shown}`,
    );
  }
}
