/**
 * Rule engine figures: evaluating one realistic rule over 100,000 generated users (target < 500 ms), and parsing
 * rules per second. Run: node bin/run-ts.js bench/rules-eval.ts
 */
import { compileRule, parseRule } from '../common/rules';
import { previewRule } from '../bot/commands/rule-snapshot-preview';

const USERS = 100_000;
const RULE =
  'user.accountEnabled -eq true -and user.department -in ["Marketing", "Sales", "Research"] -and user.jobTitle -startsWith "Director" -and user.city -ne "Paris"';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateUsers(n: number): Record<string, unknown>[] {
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const departments = ['Marketing', 'Sales', 'Research', 'Engineering', 'Finance', 'Legal', 'HR', 'Support', null];
  const cities = ['Seattle', 'Paris', 'London', 'Lagos', 'Tokyo', 'Berlin', null];
  const titles = [
    'Director of Sales',
    'Director',
    'Engineer',
    'Senior Engineer',
    'Manager',
    'Analyst',
    'VP Marketing',
    null,
  ];
  const users: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    users.push({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      displayName: `User ${i}`,
      userPrincipalName: `user${i}@contoso.com`,
      mail: rand() < 0.9 ? `user${i}@contoso.com` : null,
      accountEnabled: rand() < 0.95,
      userType: rand() < 0.9 ? 'Member' : 'Guest',
      department: pick(departments),
      city: pick(cities),
      jobTitle: pick(titles),
      country: 'X',
      proxyAddresses: [`SMTP:user${i}@contoso.com`],
      onPremisesExtensionAttributes: { extensionAttribute1: rand() < 0.5 ? 'A' : null },
    });
  }
  return users;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function main(): void {
  const users = generateUsers(USERS);
  const now = new Date('2025-06-01T00:00:00Z');
  const rule = compileRule(RULE);

  const runs: number[] = [];
  let matched = 0;
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    matched = 0;
    for (const u of users) if (rule.matches(u, { now })) matched++;
    runs.push(ms(start));
  }
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(`rule: ${RULE}`);
  console.log(
    `evaluate over ${USERS.toLocaleString('en-US')} users: first ${runs[0]?.toFixed(1)} ms, median ${sorted[2]?.toFixed(1)} ms, best ${sorted[0]?.toFixed(1)} ms (target < 500 ms); ${matched.toLocaleString('en-US')} match`,
  );

  const pStart = process.hrtime.bigint();
  const preview = previewRule(
    rule,
    users,
    users.slice(0, 1000).map((u) => String(u['id'])),
    { now },
  );
  console.log(
    `previewRule over ${USERS.toLocaleString('en-US')} users (with uncertainty pass and diff): ${ms(pStart).toFixed(1)} ms; count ${preview.count}, +${preview.added.length} -${preview.removed.length}, uncertain ${preview.uncertain}`,
  );

  const corpus = [
    RULE,
    'user.department -eq "Marketing"',
    'user.objectId -ne null -and (user.userType -eq "Member")',
    '(user.city -eq "Paris" -or user.department -eq "Marketing") -and -not (user.jobTitle -startsWith "SDE")',
    'user.employeeHireDate -ge system.now -minus P30D -and user.mail -match "^[a-z]+@contoso\\.com$"',
    'user.assignedPlans -any (assignedPlan.servicePlanId -eq "efb87545-963c-4e0d-99df-69c6916d9eb0" -and assignedPlan.capabilityStatus -eq "Enabled")',
    'Direct Reports for "11111111-1111-1111-1111-111111111111"',
    "user.memberof -any (group.objectId -in ['aaaaaaaa-0000-0000-0000-000000000001','aaaaaaaa-0000-0000-0000-000000000002'])",
  ];
  let parsed = 0;
  let chars = 0;
  const deadline = process.hrtime.bigint() + 1_000_000_000n;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() < deadline) {
    for (const text of corpus) {
      parseRule(text);
      parsed++;
      chars += text.length;
    }
  }
  const seconds = ms(start) / 1000;
  console.log(
    `parse: ${Math.round(parsed / seconds).toLocaleString('en-US')} rules/s over a mix of ${corpus.length} rules (${Math.round((chars / seconds / 1e6) * 10) / 10} M chars/s)`,
  );

  const long = Array.from({ length: 60 }, (_, i) => `user.extensionAttribute${(i % 15) + 1} -eq "v${i}"`)
    .join(' -or ')
    .slice(0, 3000)
    .replace(/ -or [^-]*$/, '');
  const lStart = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) compileRule(long);
  console.log(`compile a ${long.length}-character rule: ${((ms(lStart) / 1000) * 1000).toFixed(1)} µs each`);
}

main();
