import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID Connect provider (oidc-provider) for single sign-on tests: in-process, on
 * 127.0.0.1 at a random port, over plain http. There is no login page: the interaction
 * endpoint signs in `nextLogin` and grants everything the client asked for in one step,
 * so a test drives the whole authorization code flow with fetch alone.
 */

export interface TestIdentityClaims {
  email: string;
  name: string;
  groups: string[];
}

export interface TestIdentityProviderOptions {
  redirectUri: string;
  clientId: string;
  clientSecret: string;
  /** accountId (the `sub`) → claims. Read at every token issue, so a test may change groups between sign-ins. */
  accounts: Record<string, TestIdentityClaims>;
}

export interface TestIdentityProvider {
  issuer: string;
  /** The account the next login interaction signs in as. Defaults to the first account. */
  nextLogin: string;
  close(): Promise<void>;
}

/* The few parts of oidc-provider used here (it ships no types; @types/oidc-provider is not installed). */
interface OidcProviderInstance {
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
  interactionDetails(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<{ prompt: { name: string; details: Record<string, unknown> }; params: Record<string, unknown> }>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (properties: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  };
}
type OidcProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProviderInstance;

/* oidc-provider announces its development defaults (and, on Node 20, the runtime) on the console. */
let quietCount = 0;
let restoreConsole: (() => void) | undefined;
function quietOidcProvider(): () => void {
  if (quietCount++ === 0) {
    const { warn, info } = console;
    const noisy = (args: unknown[]) => typeof args[0] === 'string' && args[0].includes('oidc-provider ');
    console.warn = (...args: unknown[]) => void (noisy(args) || warn.apply(console, args));
    console.info = (...args: unknown[]) => void (noisy(args) || info.apply(console, args));
    restoreConsole = () => {
      console.warn = warn;
      console.info = info;
    };
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--quietCount === 0) restoreConsole?.();
  };
}

let providerClass: Promise<OidcProviderClass> | undefined;
function loadProvider(): Promise<OidcProviderClass> {
  // A non-literal specifier: the package has no type declarations, and loading it lazily lets
  // its import-time runtime warning be silenced.
  const specifier: string = 'oidc-provider';
  return (providerClass ??= import(specifier).then((m: { default: OidcProviderClass }) => m.default));
}

export async function startTestIdentityProvider(options: TestIdentityProviderOptions): Promise<TestIdentityProvider> {
  const unquiet = quietOidcProvider();
  try {
    const Provider = await loadProvider();

    // Bind first: the issuer URL includes the port.
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const accountIds = Object.keys(options.accounts);
    const idp: TestIdentityProvider = {
      issuer,
      nextLogin: accountIds[0] ?? '',
      async close() {
        server.closeAllConnections(); // keep-alive sockets held by fetch
        await new Promise<void>((resolve) => server.close(() => resolve()));
        unquiet();
      },
    };

    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: options.clientId,
          client_secret: options.clientSecret,
          redirect_uris: [options.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      // The app asks for "openid email profile": groups ride along with profile, as Entra ID's groups claim does.
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'groups'],
      },
      scopes: ['openid', 'email', 'profile'],
      // Release scope claims in the ID token too, not only at the userinfo endpoint.
      conformIdTokenClaims: false,
      async findAccount(_ctx: unknown, id: string) {
        const account = options.accounts[id];
        if (!account) return undefined;
        return {
          accountId: id,
          async claims() {
            return { sub: id, email: account.email, email_verified: true, name: account.name, groups: [...account.groups] };
          },
        };
      },
      cookies: { keys: ['stable-homes-test-idp-cookie-key'] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    });
    const handle = provider.callback();

    async function interact(req: http.IncomingMessage, res: http.ServerResponse) {
      const { prompt, params } = await provider.interactionDetails(req, res);
      const accountId = idp.nextLogin;
      if (!options.accounts[accountId]) throw new Error(`The test identity provider has no account "${accountId}"`);
      const grant = new provider.Grant({ accountId, clientId: String(params['client_id']) });
      grant.addOIDCScope(String(params['scope']));
      const missingClaims = prompt.details['missingOIDCClaims'];
      if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    }

    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url?.startsWith('/interaction/')) {
        interact(req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
        return;
      }
      handle(req, res);
    });

    return idp;
  } catch (error) {
    unquiet();
    throw error;
  }
}
