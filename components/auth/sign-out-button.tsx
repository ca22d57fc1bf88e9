import { buttonStyles } from '@/components/ui/button-styles';

/**
 * Signs out with a POST (never a link: a GET must not change state). The
 * server ends the session, then the identity provider's.
 */
export function SignOutButton() {
  return (
    <form method="post" action="/api/auth/sign-out">
      <button type="submit" className={buttonStyles.secondary}>
        Sign out
      </button>
    </form>
  );
}
