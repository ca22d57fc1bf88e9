import { describe, expect, it } from 'vitest';
import { toSafeCallbackPath } from './safe-url';

const APP = 'http://localhost:3000';

describe('SR-19: redirect targets stay on the app', () => {
  it.each([
    ['https://evil.example', '/orgs'],
    ['//evil.example', '/orgs'],
    ['//evil.example/orgs', '/orgs'],
    ['/\\evil.example', '/orgs'],
    ['https://localhost:3000.evil.example/x', '/orgs'],
    ['http://localhost:3001/orgs', '/orgs'],
    ['javascript:alert(1)', '/orgs'],
    ['/api/auth/signout', '/orgs'],
    ['', '/orgs'],
    [undefined, '/orgs'],
    ['/orgs/abc?page=2#top', '/orgs/abc?page=2#top'],
    ['http://localhost:3000/datasets/x', '/datasets/x'],
    ['datasets', '/datasets'],
  ])('%s -> %s', (input, expected) => {
    expect(toSafeCallbackPath(input, APP)).toBe(expected);
  });
});
