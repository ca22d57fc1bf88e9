/**
 * The shape of every RYD id (oid, did, uid, tid): 8-4-4-4-12 hexadecimal
 * digits, any case. Plain code without zod, so the proxy can check ids in
 * addresses without loading the schemas.
 */
export const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
