import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, createInstallGate, downloadDecision } from '../../electron/main/update-policy';

describe('update policy', () => {
  it('orders versions by semantic-version precedence', () => {
    const ordered = [
      '0.9.9',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareVersions(ordered[i] as string, ordered[j] as string)), `${ordered[i]} vs ${ordered[j]}`).toBe(
          Math.sign(i - j),
        );
      }
    }
    expect(compareVersions('v1.2.3+build.7', '1.2.3')).toBe(0);
    expect(() => compareVersions('1.2', '1.2.0')).toThrow('not a version');
  });

  it('is antisymmetric and matches numeric order on release versions', () => {
    const version = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50));
    fc.assert(
      fc.property(version, version, ([a, b, c], [x, y, z]) => {
        const left = `${a}.${b}.${c}`;
        const right = `${x}.${y}.${z}`;
        const expected = Math.sign(a - x || b - y || c - z);
        return Math.sign(compareVersions(left, right)) === expected && Math.sign(compareVersions(right, left)) === -expected;
      }),
    );
  });

  it('downloads only newer versions, and never past the pinned one', () => {
    expect(downloadDecision({ current: '1.4.0', offered: '1.5.0', pinned: null })).toEqual({ download: true });
    expect(downloadDecision({ current: '1.4.0', offered: '1.4.0', pinned: null })).toMatchObject({ download: false });
    expect(downloadDecision({ current: '1.4.0', offered: '1.3.9', pinned: null })).toMatchObject({ download: false });
    expect(downloadDecision({ current: '1.4.0', offered: '1.4.2', pinned: '1.4.2' })).toEqual({ download: true });
    const held = downloadDecision({ current: '1.4.0', offered: '1.5.0', pinned: '1.4.2' });
    expect(held).toEqual({ download: false, reason: 'the station is pinned to 1.4.2; 1.5.0 waits' });
    // Pinned below the running version: the station stays where it is (no downgrade, no upgrade).
    expect(downloadDecision({ current: '1.6.0', offered: '1.7.0', pinned: '1.5.0' })).toMatchObject({ download: false });
    expect(downloadDecision({ current: '1.4.0', offered: 'latest', pinned: null })).toMatchObject({ download: false });
    expect(downloadDecision({ current: '1.4.0', offered: '1.5.0', pinned: 'one' })).toMatchObject({ download: false });
  });

  it('installs only after the station was idle on consecutive checks', () => {
    const gate = createInstallGate({ idleChecks: 2 });
    expect(gate.observe({ busy: true, reason: 'carton C-1 is open' })).toEqual({ install: false, waitingFor: 'carton C-1 is open' });
    expect(gate.observe({ busy: false, reason: null })).toMatchObject({ install: false });
    expect(gate.observe({ busy: true, reason: 'receipt R-9 is open' })).toMatchObject({
      install: false,
      waitingFor: 'receipt R-9 is open',
    });
    expect(gate.observe({ busy: false, reason: null })).toMatchObject({ install: false });
    expect(gate.observe(null)).toMatchObject({ install: false, waitingFor: 'the station core to answer' });
    expect(gate.observe({ busy: false, reason: null })).toMatchObject({ install: false });
    expect(gate.observe({ busy: false, reason: null })).toEqual({ install: true });
  });
});
