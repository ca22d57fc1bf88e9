import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { hashBuildInputs } from './next-build';

let dir: string;

/** Settings as the launcher passes them; NODE_ENV is of no concern here. */
function settings(values: Record<string, string> = {}): NodeJS.ProcessEnv {
  return values as NodeJS.ProcessEnv;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'build-inputs-'));
  await fs.mkdir(path.join(dir, 'app'));
  await fs.writeFile(path.join(dir, 'app', 'page.tsx'), 'export default 1;');
  await fs.writeFile(path.join(dir, 'next.config.ts'), 'export default {};');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('hashBuildInputs', () => {
  it('ignores what the build writes itself, so a second start reuses the build', async () => {
    const before = await hashBuildInputs(dir, settings());
    await fs.writeFile(path.join(dir, 'next-env.d.ts'), '/// <reference />');
    await fs.writeFile(path.join(dir, 'app', 'page.test.tsx'), 'test');

    expect(await hashBuildInputs(dir, settings())).toBe(before);
  });

  it('changes with a source file, a root config file or a public setting', async () => {
    const before = await hashBuildInputs(dir, settings());

    await fs.writeFile(path.join(dir, 'app', 'page.tsx'), 'export default 2;');
    const afterSource = await hashBuildInputs(dir, settings());
    await fs.writeFile(path.join(dir, 'next.config.ts'), 'export {};');
    const afterConfig = await hashBuildInputs(dir, settings());
    const withSetting = await hashBuildInputs(
      dir,
      settings({ NEXT_PUBLIC_X: '1' }),
    );

    expect(new Set([before, afterSource, afterConfig, withSetting]).size).toBe(
      4,
    );
  });
});
