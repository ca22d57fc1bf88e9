/**
 * Audit rows and outbox messages. Both are written with the transaction of
 * the change they describe, so a failed audit insert rolls the change back
 * (SR-33).
 */
import type { Principal } from '../auth/verify-token';
import type { RydTx } from '../db/client';
import { auditLog, outbox } from '../db/schema';

export type AuditEntryInput = {
  action: string;
  entityType: 'reporting_org' | 'dataset' | 'membership' | 'tool_authorisation';
  entityId: string | null;
  orgId: string | null;
  before?: unknown;
  after?: unknown;
};

export type Actor = { principal: Principal; requestId: string };

export async function writeAudit(
  tx: RydTx,
  actor: Actor,
  entry: AuditEntryInput,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUid: actor.principal.uid,
    actorSub: actor.principal.sub,
    actorIss: actor.principal.iss,
    clientId: actor.principal.clientId,
    orgId: entry.orgId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId,
  });
}

export type OutboxMessage = {
  kind: 'org_needs_approval' | 'join_request';
  recipientEmail: string;
  recipientName: string;
  subject: string;
  body: string;
  payload: Record<string, unknown>;
};

export async function queueMessages(
  tx: RydTx,
  messages: OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await tx.insert(outbox).values(messages);
}
