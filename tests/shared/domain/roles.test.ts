import { describe, expect, it } from 'vitest';
import { isSupervisor, mayWork } from '../../../shared/domain/roles';

describe('role model', () => {
  it('counts supervisors and admins as supervisors, no one else', () => {
    expect(isSupervisor({ roles: ['supervisor'] })).toBe(true);
    expect(isSupervisor({ roles: ['receiver', 'admin'] })).toBe(true);
    expect(isSupervisor({ roles: ['receiver', 'packer'] })).toBe(false);
  });

  it('keeps the receiving and packing screens to the roles that work them, and leaves the other screens open', () => {
    expect(mayWork('receiving', { roles: ['receiver'] })).toBe(true);
    expect(mayWork('receiving', { roles: ['packer'] })).toBe(false);
    expect(mayWork('packing', { roles: ['packer'] })).toBe(true);
    expect(mayWork('packing', { roles: ['admin'] })).toBe(true);
    expect(mayWork('devices', { roles: ['packer'] })).toBe(true);
  });
});
