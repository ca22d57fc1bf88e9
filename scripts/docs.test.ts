import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { personaList } from '@/lib/demo/personas';

const root = path.resolve(__dirname, '..');

/** Every module that reads settings from the environment, one per process. */
const ENV_MODULES = [
  'scripts/lib/env.ts',
  'lib/server/env.ts',
  'services/identity/src/env.ts',
  'services/ryd/src/env.ts',
];

/** The keys of the zod object each module validates the environment with. */
function listSettings(file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8');
  const schema = /z\.object\(\{([\s\S]*?)\n\}\)/.exec(source)?.[1] ?? '';

  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map(
    (match) => match[1] ?? '',
  );
}

const example = readFileSync(path.join(root, '.env.example'), 'utf8');
const documented = new Set(
  [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]),
);

describe('.env.example', () => {
  it.each(ENV_MODULES)('lists every setting %s reads', (file) => {
    const settings = listSettings(file);

    expect(settings.length).toBeGreaterThan(0);
    expect(settings.filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('README.md', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('opens with the run command and the test command', () => {
    const opening = readme.split('\n').slice(0, 8).join('\n');

    expect(opening).toContain('npm ci && npm start');
    expect(opening).toContain('npm test');
  });

  it.each(personaList.map((persona) => [persona.key, persona] as const))(
    'lists the %s demo account as lib/demo/personas.ts has it',
    (_key, persona) => {
      const row = readme
        .split('\n')
        .find((line) => line.includes(`| ${persona.email} `));

      expect(row).toBeDefined();
      expect(row).toContain(persona.name);
      expect(row).toContain(persona.password);
    },
  );
});
