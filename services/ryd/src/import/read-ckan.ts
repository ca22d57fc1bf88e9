import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ORGANIZATIONS_FILE = 'organizations.json';
export const PACKAGES_FILE = 'packages.jsonl';

/** A line of the JSON Lines file, parsed, or why it could not be. */
export type JsonLine =
  | { line: number; ok: true; value: unknown }
  | { line: number; ok: false; error: string };

export class CkanExportError extends Error {}

/** Fails with one clear line unless both export files can be read. */
export async function assertExportFolder(folder: string): Promise<void> {
  for (const name of [ORGANIZATIONS_FILE, PACKAGES_FILE]) {
    const file = path.join(folder, name);
    await access(file).catch(() => {
      throw new CkanExportError(
        `Cannot read ${file}: the folder must hold ${ORGANIZATIONS_FILE} and ${PACKAGES_FILE}.`,
      );
    });
  }
}

/**
 * Reads the organisations file: one JSON array of `organization_show`
 * results. It is small (a few MB for every IATI publisher), so it is parsed
 * whole.
 */
export async function readOrganizations(folder: string): Promise<unknown[]> {
  const file = path.join(folder, ORGANIZATIONS_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new CkanExportError(`Cannot read ${file}: ${describe(error)}`);
  });

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CkanExportError(`${file} is not valid JSON: ${describe(error)}`);
  }
  if (!Array.isArray(parsed)) {
    throw new CkanExportError(`${file} must hold one JSON array`);
  }

  return parsed;
}

/**
 * Streams the packages file line by line, so the raw text of a large export
 * is never held in memory at once. Blank lines are ignored; a line that is
 * not JSON is yielded as an error for the caller to count.
 */
export async function* streamPackages(
  folder: string,
): AsyncGenerator<JsonLine> {
  const file = path.join(folder, PACKAGES_FILE);
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  await opened.catch((error: unknown) => {
    throw new CkanExportError(`Cannot read ${file}: ${describe(error)}`);
  });

  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, ok: false, error: describe(error) };
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
