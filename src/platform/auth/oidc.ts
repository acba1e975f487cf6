import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import type { OidcIdentity } from './service.ts';

/** What must survive the round trip to the identity provider, kept in a signed, HttpOnly cookie. */
export interface OidcTransaction {
  verifier: string;
  state: string;
  nonce: string;
}

/**
 * OpenID Connect single sign-on (authorization code flow with PKCE, state and nonce), as
 * Entra ID and similar providers offer it. Discovery happens on first use and is remembered.
 */
export function createOidcClient(config: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () =>
    (discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        client.ClientSecretBasic(config.clientSecret),
        config.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined; // try again next time: the provider may have been briefly unreachable
        throw error;
      }));

  return {
    async start(): Promise<{ url: string; transaction: OidcTransaction }> {
      const transaction = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
        code_challenge_method: 'S256',
        state: transaction.state,
        nonce: transaction.nonce,
      });
      return { url: url.href, transaction };
    },

    async finish(callbackQuery: string, transaction: OidcTransaction): Promise<OidcIdentity> {
      const current = new URL(config.redirectUri);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(await configuration(), current, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The identity provider sent no ID token');
      const groupsClaim = claims[config.groupsClaim];
      const groups = Array.isArray(groupsClaim) ? groupsClaim.filter((g): g is string => typeof g === 'string') : [];
      const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
      return {
        issuer: claims.iss,
        subject: claims.sub,
        username: str(claims['preferred_username']) ?? str(claims['email']) ?? `${claims.sub}@${new URL(claims.iss).host}`,
        displayName: str(claims['name']) ?? str(claims['email']) ?? claims.sub,
        groups,
      };
    },
  };
}
