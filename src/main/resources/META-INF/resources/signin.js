// Sign-in through the centre's OpenID Connect provider, for the console and the floor: the
// authorization code flow with PKCE (RFC 7636) in the page, as the public client GET /v1/sign-in
// names. The access token is the credential; it is refreshed before it expires when the provider
// gives a refresh token.

const PENDING = 'welcomer.sign-in';

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** This page, as registered with the provider: where it sends the person back. */
function here() {
  return location.origin + location.pathname;
}

/** The provider's endpoints and the client to sign in as, or null when no provider is connected. */
export async function provider() {
  try {
    const response = await fetch('/v1/sign-in', {headers: {Accept: 'application/json'}, cache: 'no-store'});
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** Sends the person to the provider; it comes back to this page with a code. */
export async function begin(config) {
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, config}));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: here(),
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${config.authorizationEndpoint}?${query}`);
}

/**
 * Back from the provider (`?code=&state=`): takes the code out of the address bar and exchanges it
 * for tokens. Answers the session, or null when this page was not opened by the provider; throws
 * with words for the person when the sign-in failed.
 */
export async function complete() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) {
    return null;
  }
  history.replaceState(null, '', location.pathname + location.hash);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (query.has('error')) {
    throw new Error(`The provider did not sign you in: ${query.get('error_description') || query.get('error')}.`);
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new Error('This sign-in was not started on this page. Sign in again.');
  }
  return exchange(pending.config, {
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: here(),
    client_id: pending.config.clientId,
    code_verifier: pending.verifier,
  });
}

/**
 * Where a page starts: back from the provider, the session it gave; else a credential handed over
 * in the address's fragment (`#name=...`, taken out of the address bar at once: a fragment never
 * reaches the server) or kept for this tab in `storageKey`. Calls `signIn(credential, session?)`,
 * or `signOut(why?)` when there is none or the provider's sign-in failed.
 */
export async function resume(fragmentName, storageKey, signIn, signOut) {
  let session;
  try {
    session = await complete();
  } catch (problem) {
    signOut(problem.message);
    return;
  }
  if (session) {
    signIn(session.accessToken, session);
    return;
  }
  const given = new URLSearchParams(location.hash.slice(1)).get(fragmentName);
  if (given) {
    history.replaceState(null, '', location.pathname + location.search);
  }
  const credential = given || sessionStorage.getItem(storageKey);
  if (credential) {
    signIn(credential);
  } else {
    signOut();
  }
}

async function exchange(config, form) {
  let response;
  try {
    response = await fetch(config.tokenEndpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
      body: new URLSearchParams(form),
      cache: 'no-store',
    });
  } catch {
    throw new Error('The provider could not be reached. Sign in again.');
  }
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new Error('The provider did not sign you in. Sign in again.');
  }
  return {
    config,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token || null,
    expiresAt: Date.now() + 1000 * (tokens.expires_in || 300),
  };
}

/**
 * Refreshes the session before its access token expires and hands each new one to {@code renewed};
 * answers a function that stops it. When a refresh fails (the sign-in was disabled at the
 * provider), nothing more is done: the server ends the session at the token's expiry.
 */
export function keepFresh(session, renewed) {
  let timer = null;
  const schedule = current => {
    if (!current.refreshToken) {
      return;
    }
    const left = current.expiresAt - Date.now();
    timer = setTimeout(async () => {
      try {
        const next = await exchange(current.config, {
          grant_type: 'refresh_token',
          refresh_token: current.refreshToken,
          client_id: current.config.clientId,
        });
        next.refreshToken = next.refreshToken || current.refreshToken;
        renewed(next.accessToken);
        schedule(next);
      } catch {
        // Left to expire: the server closes the session then, and the page asks to sign in.
      }
    }, Math.max(1000, Math.min(left - 60000, left / 2)));
  };
  schedule(session);
  return () => clearTimeout(timer);
}
