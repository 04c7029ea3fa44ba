import type { Intent } from '../language';
import { explainMembership } from '../directory/membership-path';
import { getUserForRule } from '../directory/users-query';
import { isDynamic } from '../directory/types';
import { compileRule } from '../../common/rules';
import { buildMembershipPathCard } from '../../cards/membership-path-card';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { groupRef, toPerson } from './views';

/**
 * "is Ana in SecurityGroup101?", "why is Ana in Marketing department": yes or no with the path through
 * nested groups ("Ana → Design Team → SecurityGroup101"), or, for a dynamic group, the rule's explanation
 * for that user. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.groups?.length) return say('Which group? For example: "is Ana in Marketing?".');
  const users = intent.users?.length ? intent.users.slice(0, 1) : ['me'];
  const step = await resolveIntent({ ...intent, users, groups: intent.groups.slice(0, 1) }, ctx, {
    people: ['users'],
    purpose: 'to check membership',
  });
  if (!step.ok) return step.outcome;
  const who = step.value.people.users[0];
  const group = step.value.groups[0];
  if (!who || !group) return say('Who, and which group?');
  const person = toPerson(step.value.snapshot.users[who.id] ?? who);
  const subject = who.id === ctx.actor.id ? 'You' : who.displayName;
  try {
    const answer = await explainMembership(ctx.graph, who.id, group);
    let because = '';
    const dynamic = isDynamic(group) && !!group.membershipRule;
    if (dynamic && group.membershipRule) {
      const user = await getUserForRule(ctx.graph, who.id);
      because = ruleReason(group.membershipRule, user);
    }
    const path = answer.path;
    const chain = [who.displayName, ...path.map((p) => p.displayName)].join(' → ');
    const verb = subject === 'You' ? 'are' : 'is';
    let text: string;
    if (!answer.member)
      text = `${subject} ${verb} not in '${group.displayName}'.${because ? ` The rule says: ${because}` : ''}`;
    else if (isDynamic(group) && because)
      text = `${subject} ${verb} in '${group.displayName}' because of its rule: ${because}`;
    else if (answer.direct) text = `${subject} ${verb} a direct member of '${group.displayName}'.`;
    else text = `${subject} ${verb} in '${group.displayName}' through nested groups: ${chain}.`;
    const dynamicRule = dynamic && because ? { rule: group.membershipRule as string, reason: because } : undefined;
    return outcome(
      reply(
        text,
        buildMembershipPathCard({
          user: person,
          group: groupRef(group),
          isMember: answer.member,
          paths: answer.member ? [path.map(groupRef)] : [],
          ...(dynamicRule ? { dynamicRule } : {}),
        }),
      ),
    );
  } catch (err) {
    return say(errorText(err, { groupName: group.displayName, action: 'see the members of' }));
  }
}

/** The rules engine's explanation of the rule for one user; a sentence even when the rule can't be compiled. */
function ruleReason(rule: string, user: Record<string, unknown>): string {
  try {
    return compileRule(rule).explain(user).reason;
  } catch (err) {
    return `its rule (${rule}) could not be evaluated here: ${(err as Error).message}`;
  }
}
