import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

/** How many signing keys stay published after rotations. */
const KEPT_KEYS = 3;

const keyFileSchema = z.object({
  keys: z.array(z.record(z.string(), z.unknown())).min(1),
});
const cookieKeyFileSchema = z.object({ keys: z.array(z.string()).min(1) });

export type SigningKeys = JWK[];

async function writeSecretFile(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(value, null, 2), { mode: 0o600 });
  await rename(temporary, file);
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function createSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  const jwk = await exportJWK(privateKey);

  return {
    ...jwk,
    kid: `rs256-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
}

function keyFile(dir: string): string {
  return path.join(dir, 'signing-keys.json');
}

/**
 * Loads the persistent signing keys, creating the first one on first start.
 * The first key signs; the others stay in the JWKS so tokens they signed
 * still verify.
 */
export async function loadSigningKeys(dir: string): Promise<SigningKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stored = keyFileSchema.safeParse(await readJson(keyFile(dir)));
  if (stored.success) return stored.data.keys as SigningKeys;

  const keys = [await createSigningKey()];
  await writeSecretFile(keyFile(dir), { keys });

  return keys;
}

/** Adds a new signing key in front and keeps the older ones published. */
export async function rotateSigningKeys(dir: string): Promise<SigningKeys> {
  const current = await loadSigningKeys(dir);
  const keys = [await createSigningKey(), ...current].slice(0, KEPT_KEYS);
  await writeSecretFile(keyFile(dir), { keys });

  return keys;
}

/** Keys that sign the provider's cookies; kept so restarts keep sessions. */
export async function loadCookieKeys(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'cookie-keys.json');
  const stored = cookieKeyFileSchema.safeParse(await readJson(file));
  if (stored.success) return stored.data.keys;

  const keys = [randomBytes(32).toString('base64url')];
  await writeSecretFile(file, { keys });

  return keys;
}
