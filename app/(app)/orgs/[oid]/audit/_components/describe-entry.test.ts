import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/ryd/schemas';
import { describeEntry, listChangedFields } from './describe-entry';

const names = {
  userNames: { 'u-1': 'Eddie Editor' },
  toolNames: { 't-1': 'Demo Publishing Tool' },
};

function entry(action: string, before: unknown, after: unknown): AuditEntry {
  return {
    id: '1',
    created_date: '2026-01-01T10:00:00+00:00',
    action,
    entity_type: 'membership',
    entity_id: 't-1',
    actor_uid: 'a-1',
    actor_name: 'Ada Admin',
    client_id: 'iati-account-web',
    request_id: null,
    before,
    after,
  };
}

describe('describeEntry', () => {
  it.each([
    [
      'membership.role_change',
      { user_id: 'u-1', role: 'editor' },
      { user_id: 'u-1', role: 'contributor' },
      'Changed the role of Eddie Editor from editor to contributor',
    ],
    [
      'membership.approve',
      { user_id: 'u-1', role: 'contributor_pending' },
      { user_id: 'u-1', role: 'admin' },
      'Approved Eddie Editor as admin',
    ],
    [
      'membership.remove',
      { user_id: 'u-9', role: 'editor' },
      null,
      'Removed a former member (editor)',
    ],
    [
      'tool_authorisation.grant',
      null,
      { id: 't-1', name: 'Demo Publishing Tool', provider: 'Toolmaker' },
      'Authorised Demo Publishing Tool',
    ],
    [
      'tool_authorisation.revoke',
      { tool_id: 't-1' },
      null,
      'Withdrew the authorisation of Demo Publishing Tool',
    ],
    [
      'dataset.update',
      { human_readable_name: 'Old', url: 'a', licence_id: 'cc-by' },
      { human_readable_name: 'New', url: 'b', licence_id: 'cc-by' },
      'Edited the dataset “New” (name, URL)',
    ],
    ['something.new', null, null, 'something.new'],
  ])('%s reads as a sentence', (action, before, after, expected) => {
    expect(describeEntry(entry(action, before, after), names)).toBe(expected);
  });
});

describe('listChangedFields', () => {
  it('lists only fields whose values differ, and nothing for non-objects', () => {
    expect(
      listChangedFields({ a: 1, b: [1] }, { a: 1, b: [2], c: null }),
    ).toEqual(['b', 'c']);
    expect(listChangedFields(null, { a: 1 })).toEqual([]);
  });
});
