import 'server-only';
import { z } from 'zod';
import type { AppSession } from '@/lib/server/auth';
import { toolSchema } from '@/lib/ryd/schemas';
import type { Tool } from '@/lib/ryd/schemas';
import { rydFetch } from './fetch';

function orgToolsPath(oid: string) {
  return `/reporting-orgs/${encodeURIComponent(oid)}/tools`;
}

/** Every tool registered with RYD (E22). */
export async function listTools(session: AppSession): Promise<Tool[]> {
  const { data } = await rydFetch(
    session,
    { path: '/tools' },
    z.array(toolSchema),
  );

  return data;
}

/** The tools an organisation has authorised to act for it (E9). */
export async function listOrgTools(
  session: AppSession,
  oid: string,
): Promise<Tool[]> {
  const { data } = await rydFetch(
    session,
    { path: orgToolsPath(oid) },
    z.array(toolSchema),
  );

  return data;
}

/** Authorises a tool for an organisation (E10). */
export async function grantOrgTool(
  session: AppSession,
  { oid, tid }: { oid: string; tid: string },
) {
  await rydFetch(
    session,
    { path: orgToolsPath(oid), method: 'POST', body: { tid } },
    z.null(),
  );
}

/** Withdraws a tool's authorisation (E11). */
export async function revokeOrgTool(
  session: AppSession,
  { oid, tid }: { oid: string; tid: string },
) {
  await rydFetch(
    session,
    {
      path: `${orgToolsPath(oid)}/${encodeURIComponent(tid)}`,
      method: 'DELETE',
    },
    z.null(),
  );
}
