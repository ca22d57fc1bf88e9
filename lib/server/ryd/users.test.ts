import { describe, expect, it } from 'vitest';
import { userRolesSchema } from '@/lib/ryd/schemas';
import { listRoleEntries } from './users';

describe('listRoleEntries', () => {
  it('reads the object map of the official server and the array of the spec alike', () => {
    const oid = '8a2358db-8793-4b18-9806-09225434d85c';
    const fromMap = userRolesSchema.parse({
      superadmin: false,
      tools: [],
      reporting_orgs: { [oid]: 'editor' },
    });
    const fromArray = userRolesSchema.parse({
      superadmin: false,
      tools: [],
      reporting_orgs: [{ id: oid, role: 'editor' }],
    });

    expect(listRoleEntries(fromMap)).toEqual([{ oid, role: 'editor' }]);
    expect(listRoleEntries(fromArray)).toEqual(listRoleEntries(fromMap));
  });
});
