/**
 * Plain HTML for the provider's own pages: login, consent, sign-out and
 * errors. No scripts, so the content security policy can forbid them.
 */

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.4rem;margin-top:0}
label{display:block;font-weight:600;margin-top:1rem}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;font-size:1rem}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;border:0;border-radius:.25rem;background:#155366;color:#fff;cursor:pointer}
button.secondary{background:#e2e6ea;color:#1b1f24;margin-left:.5rem}
button:focus,input:focus{outline:3px solid #f6a000;outline-offset:2px}
.alert{border-left:4px solid #b00020;background:#fdecee;padding:.75rem;margin-top:1rem}
ul{padding-left:1.2rem}`;

export function renderPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - IATI identity</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function renderLogin(options: {
  action: string;
  clientName: string;
  email?: string;
  error?: string;
}): string {
  const error = options.error
    ? `<p class="alert" role="alert" id="login-error">${escapeHtml(options.error)}</p>`
    : '';
  const describedBy = options.error ? ' aria-describedby="login-error"' : '';

  return renderPage(
    'Sign in',
    `<h1>Sign in to IATI</h1>
<p>to continue to ${escapeHtml(options.clientName)}</p>
${error}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.email ?? '')}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Sign in</button>
</form>`,
  );
}

export function renderConsent(options: {
  action: string;
  abortAction: string;
  clientName: string;
  granted: string[];
  withheld: string[];
}): string {
  const list = (scopes: string[]) =>
    scopes
      .map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`)
      .join('');
  const withheld = options.withheld.length
    ? `<p>Your account cannot grant:</p><ul>${list(options.withheld)}</ul>`
    : '';

  return renderPage(
    'Allow access',
    `<h1>Allow ${escapeHtml(options.clientName)} to act for you?</h1>
<p>It will be able to use:</p>
<ul>${list(options.granted)}</ul>
${withheld}
<form method="post" action="${escapeHtml(options.action)}">
<button type="submit">Continue</button>
<button type="submit" class="secondary" formaction="${escapeHtml(options.abortAction)}">Cancel</button>
</form>`,
  );
}

export function renderLogout(
  form: string,
  clientName: string | undefined,
): string {
  const from = clientName ? ` from ${escapeHtml(clientName)}` : '';

  return renderPage(
    'Sign out',
    `<h1>Sign out${from}?</h1>
<p>This ends your IATI session in every tool you use.</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>`,
  );
}

export function renderMessage(title: string, message: string): string {
  return renderPage(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`,
  );
}
