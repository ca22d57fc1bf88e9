import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { Persona } from '@/lib/demo/personas';
import { allowedRydScopes, authenticate, findPersonaBySub } from './accounts';
import type { Logger } from './logger';
import { renderConsent, renderLogin, renderMessage } from './pages';

const MAX_FORM_BYTES = 16 * 1024;
const BAD_CREDENTIALS =
  'The email or password is not right. Check both and try again.';

class FormTooLargeError extends Error {}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new FormTooLargeError();
    chunks.push(buffer);
  }

  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(html);
}

type MissingScopes = {
  oidc: string[];
  claims: string[];
  resources: Record<string, string[]>;
};

function readMissing(details: Record<string, unknown>): MissingScopes {
  const asList = (value: unknown) =>
    Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
  const resources: Record<string, string[]> = {};
  const raw = details.missingResourceScopes;
  if (raw && typeof raw === 'object') {
    for (const [indicator, scopes] of Object.entries(raw)) {
      resources[indicator] = asList(scopes);
    }
  }

  return {
    oidc: asList(details.missingOIDCScope),
    claims: asList(details.missingOIDCClaims),
    resources,
  };
}

/** Splits the requested resource scopes into those the person may hold. */
function splitResourceScopes(persona: Persona, scopes: string[]) {
  const allowed = new Set<string>(allowedRydScopes(persona));

  return {
    granted: scopes.filter((scope) => allowed.has(scope)),
    withheld: scopes.filter((scope) => !allowed.has(scope)),
  };
}

export type InteractionDeps = {
  getProvider: () => Provider;
  logger: Logger;
};

/**
 * Serves `/interaction/:uid[/login|/confirm|/abort]`: the login and consent
 * steps the provider hands over to us.
 */
export async function handleInteraction(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const provider = deps.getProvider();
  const [, , uid, step] = pathname.split('/');
  if (!uid)
    return sendHtml(res, 404, renderMessage('Not found', 'No such page.'));
  const base = `/interaction/${encodeURIComponent(uid)}`;

  try {
    const interaction = await provider.interactionDetails(req, res);
    const clientId = String(interaction.params.client_id ?? '');
    const client = await provider.Client.find(clientId);
    const clientName = client?.clientName ?? clientId;
    const method = req.method ?? 'GET';

    if (method === 'GET' && !step) {
      if (interaction.prompt.name === 'login') {
        return sendHtml(
          res,
          200,
          renderLogin({ action: `${base}/login`, clientName }),
        );
      }
      const persona = findPersonaBySub(interaction.session?.accountId ?? '');
      if (!persona) throw new errors.SessionNotFound('unknown account');
      const missing = readMissing(interaction.prompt.details);
      const requested = [
        ...missing.oidc.filter((s) => s !== 'openid'),
        ...Object.values(missing.resources).flat(),
      ];
      const split = splitResourceScopes(
        persona,
        Object.values(missing.resources).flat(),
      );

      return sendHtml(
        res,
        200,
        renderConsent({
          action: `${base}/confirm`,
          abortAction: `${base}/abort`,
          clientName,
          granted: requested.filter((s) => !split.withheld.includes(s)),
          withheld: split.withheld,
        }),
      );
    }

    if (method !== 'POST') {
      res.statusCode = 405;
      res.setHeader('allow', 'GET, POST');
      res.end();

      return;
    }

    if (step === 'login' && interaction.prompt.name === 'login') {
      const form = await readForm(req);
      const email = form.get('email') ?? '';
      const persona = authenticate(email, form.get('password') ?? '');
      if (!persona) {
        deps.logger.info(
          { event: 'login.failed', client: clientId },
          'login failed',
        );
        return sendHtml(
          res,
          401,
          renderLogin({
            action: `${base}/login`,
            clientName,
            email,
            error: BAD_CREDENTIALS,
          }),
        );
      }
      deps.logger.info(
        { event: 'login.success', sub: persona.sub, client: clientId },
        'login',
      );

      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: persona.sub } },
        { mergeWithLastSubmission: false },
      );
    }

    if (step === 'confirm' && interaction.prompt.name === 'consent') {
      const accountId = interaction.session?.accountId ?? '';
      const persona = findPersonaBySub(accountId);
      if (!persona) throw new errors.SessionNotFound('unknown account');
      const missing = readMissing(interaction.prompt.details);
      const grant = interaction.grantId
        ? await provider.Grant.find(interaction.grantId)
        : new provider.Grant({ accountId, clientId });
      if (!grant) throw new errors.SessionNotFound('grant not found');
      if (missing.oidc.length) grant.addOIDCScope(missing.oidc.join(' '));
      if (missing.claims.length) grant.addOIDCClaims(missing.claims);
      for (const [indicator, scopes] of Object.entries(missing.resources)) {
        const split = splitResourceScopes(persona, scopes);
        if (split.granted.length)
          grant.addResourceScope(indicator, split.granted.join(' '));
        // Recording the rest as rejected stops the provider asking again.
        if (split.withheld.length)
          grant.rejectResourceScope(indicator, split.withheld.join(' '));
      }
      const grantId = await grant.save();

      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    }

    if (step === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user cancelled.' },
        { mergeWithLastSubmission: false },
      );
    }

    return sendHtml(
      res,
      400,
      renderMessage(
        'Not possible',
        'This step does not fit the sign-in in progress. Go back to the application and start again.',
      ),
    );
  } catch (error) {
    if (error instanceof FormTooLargeError) {
      return sendHtml(
        res,
        413,
        renderMessage('Too large', 'The form was too large.'),
      );
    }
    if (
      error instanceof errors.SessionNotFound ||
      error instanceof errors.InvalidRequest
    ) {
      return sendHtml(
        res,
        400,
        renderMessage(
          'Sign-in expired',
          'This sign-in page has expired or was already used. Go back to the application and sign in again.',
        ),
      );
    }
    throw error;
  }
}
