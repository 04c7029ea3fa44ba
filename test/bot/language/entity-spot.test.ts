import { strict as assert } from 'node:assert';
import { buildGazetteer, EMPTY_GAZETTEER } from '../../../bot/language/entity-gazetteer';
import { spotEntities, type EntitySpan } from '../../../bot/language/entity-spot';

const GROUPS = [
  'Design Team',
  'Design',
  'Marketing',
  'Sales and Marketing',
  'Research and Development',
  'Finance Readers',
  'Finance Alerts',
  'Executive Leadership',
  'Project Phoenix',
  'Old Project Phoenix',
  'Legal',
  'IT',
].map((displayName, i) => ({ id: `g${i}`, displayName }));
GROUPS.push({ id: 'falcon-1', displayName: 'Project Falcon' }, { id: 'falcon-2', displayName: 'Project Falcon' });
const PEOPLE = [
  ['Debra Berger', 'Debra'],
  ['Patti Fernandez', 'Patti'],
  ['Isaiah Langer', 'Isaiah'],
  ['Miriam Graham', 'Miriam'],
  ['Joni Sherman', 'Joni'],
  ['Zoë Müller', 'Zoë'],
  ['Grace Taylor', 'Grace'],
].map(([displayName, givenName], i) => ({ id: `p${i}`, displayName: displayName as string, givenName }));
const G = buildGazetteer({ groups: GROUPS, people: PEOPLE });

const read = (text: string) =>
  spotEntities(text, G).map((s) => [s.kind, s.text, s.match, s.candidates.map((c) => c.name)]);
const names = (spans: EntitySpan[]) => spans.map((s) => s.candidates.map((c) => c.name).join('|'));

describe('bot/language/entity-spot', () => {
  it('reads two names that share a word, joined by "and", as two spans', () => {
    const g = buildGazetteer({
      groups: [
        { id: 'e1', displayName: 'Engineering Platform' },
        { id: 'e2', displayName: 'Engineering All' },
      ],
    });
    const spans = spotEntities('add Ana to Engineering Platform and Engineering All', g);
    assert.deepEqual(
      spans.map((s) => [s.text, s.candidates.map((c) => c.name)]),
      [
        ['Engineering Platform', ['Engineering Platform']],
        ['Engineering All', ['Engineering All']],
      ],
    );
  });

  it('reads a reordered group name with generic words around it', () => {
    assert.deepEqual(read('add Ana to the phoenix project team'), [
      ['group', 'the phoenix project team', 'reordered', ['Project Phoenix']],
    ]);
    assert.deepEqual(read('the alerts group for finance'), [
      ['group', 'the alerts group for finance', 'reordered', ['Finance Alerts']],
    ]);
  });

  it('prefers the longer name and an exact reading of generic words ("Design Team" vs "Design")', () => {
    assert.deepEqual(names(spotEntities('add Joni to Old Project Phoenix', G)), [
      'Joni Sherman',
      'Old Project Phoenix',
    ]);
    assert.deepEqual(names(spotEntities('who is in Design Team', G)), ['Design Team']);
    assert.deepEqual(names(spotEntities('who is in design', G)), ['Design']);
  });

  it('is accent- and case-insensitive, reads key: value forms and e-mail addresses', () => {
    assert.deepEqual(read('INC0048213 User: zoe MULLER Group: Legal, cc jo@contoso.com.'), [
      ['person', 'zoe MULLER', 'exact', ['Zoë Müller']],
      ['group', 'Legal', 'exact', ['Legal']],
      ['email', 'jo@contoso.com', 'address', []],
    ]);
  });

  it('reads abbreviations that are unambiguous and one typo in a long word', () => {
    assert.deepEqual(read('is Megan in the exec leadership team?'), [
      ['group', 'the exec leadership team', 'abbreviated', ['Executive Leadership']],
    ]);
    assert.deepEqual(read('add Lee to mktg'), [['group', 'mktg', 'abbreviated', ['Marketing']]]);
    assert.deepEqual(read('add Lee to Reserch and Development'), [
      ['group', 'Reserch and Development', 'typo', ['Research and Development']],
    ]);
    // "fin" is a prefix of one word only, "des" of none that is unique once Design and Design Team share it.
    assert.deepEqual(names(spotEntities('who owns fin alerts', G)), ['Finance Alerts']);
  });

  it('reads first names and common nicknames, and leaves common words alone', () => {
    assert.deepEqual(read('get Deb onto the finance readers'), [
      ['person', 'Deb', 'nickname', ['Debra Berger']],
      ['group', 'the finance readers', 'exact', ['Finance Readers']],
    ]);
    assert.deepEqual(read('add Izzy, Mim and Patty to Legal'), [
      ['person', 'Izzy', 'nickname', ['Isaiah Langer']],
      ['person', 'Mim', 'nickname', ['Miriam Graham']],
      ['person', 'Patty', 'nickname', ['Patti Fernandez']],
      ['group', 'Legal', 'exact', ['Legal']],
    ]);
    assert.deepEqual(read('let Grace manage it'), [['person', 'Grace', 'firstName', ['Grace Taylor']]]);
    assert.deepEqual(read('grace period: add her to it'), []);
    assert.deepEqual(read('add Bob to IT'), [['group', 'IT', 'exact', ['IT']]]);
  });

  it('gives two readings when two groups fit equally', () => {
    const spans = spotEntities('add Joni to the falcon project', G);
    assert.equal(spans.length, 2);
    assert.deepEqual(
      spans[1]?.candidates.map((c) => c.id),
      ['falcon-1', 'falcon-2'],
    );
  });

  it('finds only addresses with an empty gazetteer, and is deterministic', () => {
    assert.deepEqual(
      spotEntities('add ana@contoso.com to Legal', EMPTY_GAZETTEER).map((s) => s.kind),
      ['email'],
    );
    const text = 'plz add Deb + Izzy 2 the phoenix project grp and fin alerts rn';
    assert.deepEqual(spotEntities(text, G), spotEntities(text, G));
  });
});
