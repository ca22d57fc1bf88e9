import { NextResponse, type NextRequest } from 'next/server';
import { handleBackchannelLogout } from '@/lib/server/auth/logout';
import { logger } from '@/lib/server/logger';

const NO_STORE = { 'cache-control': 'no-store' };

/** OpenID Connect Back-Channel Logout 1.0: the provider ends sessions here. */
export async function POST(request: NextRequest): Promise<Response> {
  const contentType = request.headers.get('content-type') ?? '';
  let logoutToken: string | null = null;
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(await request.text().catch(() => ''));
    logoutToken = form.get('logout_token');
  }
  if (!logoutToken) {
    return NextResponse.json(
      {
        error: 'invalid_request',
        error_description: 'logout_token is required',
      },
      { status: 400, headers: NO_STORE },
    );
  }

  const result = await handleBackchannelLogout(logoutToken);
  if (!result.ok) {
    logger.warn(
      { event: 'backchannel.refused', reason: result.reason },
      'logout token refused',
    );

    return NextResponse.json(
      {
        error: 'invalid_request',
        error_description: 'The logout token is not valid.',
      },
      { status: 400, headers: NO_STORE },
    );
  }

  return new Response(null, { status: 200, headers: NO_STORE });
}
