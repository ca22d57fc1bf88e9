export type { AppSession, AuthClient, AuthErrorCode } from './types';
export { SessionEndedError, isSessionEndedError } from './types';
export {
  getSession,
  requireSession,
  getCurrentUser,
  handleAuthError,
  redirectToSignIn,
  signInPath,
} from './session';
export { withSession, isSameOriginWrite } from './with-session';
export { getAccessToken } from './tokens';
export {
  setLastDataset,
  getLastDataset,
  clearLastDataset,
} from './preferences';
export { SCOPE_CAPABILITIES } from './scopes';
export type { LastDataset } from '@/lib/server/db/schema';
