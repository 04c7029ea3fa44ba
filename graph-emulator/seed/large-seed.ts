/**
 * A large synthetic tenant for scale tests: the demo tenant plus N generated users and N/10 generated
 * groups (security and Microsoft 365, about 10 members each), and a 5-level nested chain of security
 * groups ("Chain Level 1" ⊃ … ⊃ "Chain Level 5", user chain.member@contoso.com in level 5). Deterministic.
 */
import { buildGroup, buildUser } from '../directory/object-factory';
import type { Mutation } from '../store/mutation';
import { DEMO_DOMAIN, DEMO_INITIAL_DOMAIN } from './demo-tenant';

const FIRST = [
  'Aaron',
  'Abigail',
  'Adam',
  'Aisha',
  'Alan',
  'Alice',
  'Amir',
  'Ana',
  'Andrea',
  'Arjun',
  'Beatriz',
  'Ben',
  'Bianca',
  'Carlos',
  'Chen',
  'Chloe',
  'Daniel',
  'Dmitri',
  'Elena',
  'Emeka',
  'Emma',
  'Fatima',
  'Felix',
  'Gabriel',
  'Grace',
  'Hana',
  'Hugo',
  'Ines',
  'Ivan',
  'Jack',
  'Jana',
  'Javier',
  'Kai',
  'Kenji',
  'Laura',
  'Leila',
  'Liam',
  'Lucas',
  'Maya',
  'Mei',
  'Mohammed',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Sara',
  'Sofia',
  'Tom',
  'Yuki',
  'Zoë',
];
const LAST = [
  'Adams',
  'Ahmed',
  'Almeida',
  'Bauer',
  'Brown',
  'Chen',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Gupta',
  'Hansen',
  'Ito',
  'Jensen',
  'Kim',
  'Kowalski',
  'Lee',
  'Martin',
  'Müller',
  'Nakamura',
  'Novak',
  "O'Connor",
  'Okafor',
  'Patel',
  'Rossi',
  'Santos',
  'Schmidt',
  'Silva',
  'Smith',
  'Tanaka',
  'Nguyen',
  'Wang',
  'Weber',
  'Wilson',
  'Yilmaz',
];
const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Engineering',
  'Finance',
  'HR',
  'Legal',
  'Operations',
  'Research',
  'Support',
  'IT',
];
const CITIES = [
  'Seattle',
  'London',
  'Berlin',
  'Paris',
  'Tokyo',
  'São Paulo',
  'Sydney',
  'Toronto',
  'Madrid',
  'Bangalore',
];
const TOPICS = ['Project', 'Team', 'Committee', 'Guild', 'Squad', 'Program', 'Council', 'Workstream'];
const NAMES = [
  'Apollo',
  'Borealis',
  'Cobalt',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Orion',
  'Pioneer',
  'Quartz',
  'Redwood',
  'Summit',
  'Tundra',
];

/** A deterministic GUID from a namespace byte and a counter. Never throws. */
function guid(ns: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return [ns.toString(16).padStart(8, '0'), '0000', '4000', '8000', hex].join('-');
}

export const CHAIN_USER_ID = guid(0xc4a1, 1);

/** How many generated groups, and which of them have no members (for hygiene scale tests and benchmarks). */
export interface LargeGroupOptions {
  /** Generated groups; default a tenth of the users. */
  groups?: number;
  /** Every Nth generated group (0, N, 2N, …) gets no members and no owner; default none. */
  emptyEvery?: number;
}

/** Large-tenant mutations (without the demo tenant). Never throws. */
export function largeTenantMutations(userCount: number, opts: LargeGroupOptions = {}): Mutation[] {
  const ms: Mutation[] = [];
  const created = '2024-02-01T08:00:00Z';
  const userIds: string[] = [];
  for (let i = 0; i < userCount; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
    const id = guid(0xa11ce, i + 1);
    userIds.push(id);
    const nick = `${first}.${last}.${i}`
      .normalize('NFD')
      .replace(/[^A-Za-z0-9.]/g, '')
      .toLowerCase();
    // join() builds flat strings; template literals would keep cons-string trees (more objects per user).
    ms.push({
      op: 'putUser',
      user: buildUser({
        id,
        upn: [nick, DEMO_DOMAIN].join('@'),
        displayName: [first, last, i].join(' '),
        givenName: first,
        surname: last,
        department: DEPARTMENTS[i % DEPARTMENTS.length] as string,
        city: CITIES[(i * 7) % CITIES.length] as string,
        jobTitle: 'Employee',
        usageLocation: 'US',
        createdDateTime: created,
      }),
    });
  }
  const groupCount = opts.groups ?? Math.floor(userCount / 10);
  const empty = (j: number): boolean => !!opts.emptyEvery && j % opts.emptyEvery === 0;
  for (let j = 0; j < groupCount; j++) {
    const id = guid(0x6e0b, j + 1);
    const unified = j % 3 === 0;
    const name = `${TOPICS[j % TOPICS.length]} ${NAMES[Math.floor(j / TOPICS.length) % NAMES.length]} ${j}`;
    ms.push({
      op: 'putGroup',
      group: buildGroup({
        id,
        displayName: name,
        mailNickname: name.toLowerCase().replace(/\s+/g, '-'),
        description: `Generated group ${j}`,
        kind: unified ? 'microsoft365' : 'security',
        createdDateTime: created,
        domain: DEMO_DOMAIN,
        initialDomain: DEMO_INITIAL_DOMAIN,
      }),
    });
    if (userIds.length && !empty(j)) {
      ms.push({ op: 'link', rel: 'owner', src: id, dst: userIds[(j * 13) % userIds.length] as string });
      for (let k = 0; k < 10; k++)
        ms.push({ op: 'link', rel: 'member', src: id, dst: userIds[(j * 10 + k * 7919) % userIds.length] as string });
    }
  }
  // A 5-level chain: level 1 contains level 2 ... level 5 contains the chain user.
  ms.push({
    op: 'putUser',
    user: buildUser({
      id: CHAIN_USER_ID,
      upn: `chain.member@${DEMO_DOMAIN}`,
      displayName: 'Chain Member',
      givenName: 'Chain',
      surname: 'Member',
      createdDateTime: created,
    }),
  });
  for (let level = 1; level <= 5; level++) {
    const id = chainGroupId(level);
    ms.push({
      op: 'putGroup',
      group: buildGroup({
        id,
        displayName: `Chain Level ${level}`,
        mailNickname: `chain-level-${level}`,
        description: `Nesting level ${level} of 5`,
        kind: 'security',
        createdDateTime: created,
        domain: DEMO_DOMAIN,
        initialDomain: DEMO_INITIAL_DOMAIN,
      }),
    });
    ms.push({ op: 'link', rel: 'member', src: id, dst: level < 5 ? chainGroupId(level + 1) : CHAIN_USER_ID });
  }
  return ms;
}

/** Id of "Chain Level n" (1..5) in a large tenant. Never throws. */
export function chainGroupId(level: number): string {
  return guid(0xc4a1, 100 + level);
}

/** Id of the i-th generated user (0-based) of a large tenant. Never throws. */
export function largeUserId(i: number): string {
  return guid(0xa11ce, i + 1);
}
