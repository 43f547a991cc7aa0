import { describe, expect, it } from 'vitest';
import { HashGate, LoginThrottle } from '../../../src/review/login-throttle.js';

describe('LoginThrottle', () => {
  it('lets five failures pass, then makes each next try wait twice as long, per key', () => {
    const t = new LoginThrottle();
    const keys = ['address:127.0.0.1', 'name:lan'];
    for (let i = 0; i < 5; i++) t.failed(keys, 0);
    expect(t.wait(keys, 0)).toBe(0);
    t.failed(keys, 0);
    expect(t.wait(keys, 0)).toBe(2000);
    t.failed(keys, 0);
    expect(t.wait(keys, 0)).toBe(4000);
    expect(t.wait(['address:127.0.0.2', 'name:other'], 0)).toBe(0);
    // the name is blocked from any address
    expect(t.wait(['address:127.0.0.2', 'name:lan'], 0)).toBe(4000);
    t.succeeded('name:lan');
    expect(t.wait(['name:lan'], 0)).toBe(0);
  });
});

describe('HashGate', () => {
  it('runs at most two at once, queues a few, and refuses the rest at once', async () => {
    const gate = new HashGate(2, 1);
    let running = 0;
    let most = 0;
    const slow = () =>
      gate.run(async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return 'ok';
      });
    const results = await Promise.all([slow(), slow(), slow(), slow()]);
    expect(most).toBe(2);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r?.value === 'ok')).toHaveLength(3);
  });
});
