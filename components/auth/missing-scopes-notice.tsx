import { Notice } from '@/components/ui/notice';
import { SCOPE_CAPABILITIES } from '@/lib/server/auth/scopes';

/**
 * Says in words what the person cannot do because IATI sign-in granted
 * fewer permissions (scopes) than the app asked for. Shown after sign-in.
 */
export function MissingScopesNotice({ missing }: { missing: string[] }) {
  const capabilities = [
    ...new Set(missing.map((scope) => SCOPE_CAPABILITIES[scope] ?? scope)),
  ];
  if (capabilities.length === 0) return null;

  return (
    <div className="mb-6">
      <Notice tone="info" title="Some actions are not available to you">
        <p>
          Your IATI sign-in does not let this service act for you in every way,
          so here you cannot:
        </p>
        <ul className="mt-2 list-disc pl-6">
          {capabilities.map((capability) => (
            <li key={capability}>{capability}</li>
          ))}
        </ul>
        <p className="mt-2">
          If you need to, ask the IATI Secretariat to give your account these
          permissions, then sign out and sign in again.
        </p>
      </Notice>
    </div>
  );
}
