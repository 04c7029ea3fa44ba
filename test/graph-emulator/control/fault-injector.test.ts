import { strict as assert } from 'node:assert';
import { FaultInjector } from '../../../graph-emulator/control/fault-injector';

describe('graph-emulator/control/fault-injector', () => {
  it('probability faults about that share of requests, the same ones for the same seed', async () => {
    const run = async (seed: number): Promise<boolean[]> => {
      const f = new FaultInjector();
      f.set({ status: 429, probability: 0.2, seed });
      const out: boolean[] = [];
      for (let i = 0; i < 2000; i++) out.push((await f.apply('GET', '/v1.0/users')) !== undefined);
      return out;
    };
    const a = await run(7);
    const share = a.filter(Boolean).length / a.length;
    assert.ok(share > 0.17 && share < 0.23, `share ${share}`);
    assert.deepEqual(await run(7), a);
    assert.notDeepEqual(await run(8), a);
  });

  it('a 429 carries Retry-After', async () => {
    const f = new FaultInjector();
    f.set({ status: 429, probability: 1, retryAfterSeconds: 2 });
    const err = await f.apply('GET', '/v1.0/users');
    assert.equal(err?.status, 429);
    assert.equal(err?.headers['Retry-After'], '2');
  });

  it("latencyScope 'http' delays top-level requests only, not batch steps", async () => {
    const f = new FaultInjector();
    f.set({ latencyMs: 60, latencyScope: 'http' });
    let t0 = Date.now();
    await f.apply('POST', '/v1.0/$batch', false);
    assert.ok(Date.now() - t0 >= 55);
    t0 = Date.now();
    for (let i = 0; i < 5; i++) await f.apply('GET', '/v1.0/users', true);
    assert.ok(Date.now() - t0 < 50);
  });

  it('refuses a probability above 1 and an unknown latency scope', () => {
    const f = new FaultInjector();
    assert.throws(() => f.set({ status: 429, probability: 1.5 }), /between 0 and 1/);
    assert.throws(() => f.set({ latencyMs: 5, latencyScope: 'batch' }), /latencyScope/);
  });
});
