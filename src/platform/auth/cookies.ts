/** The session cookie: `__Host-` prefixed (Secure, Path=/, no Domain) wherever cookies are Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-sh_session' : 'sh_session';
}

/** The same attributes to set and to clear: a `__Host-` cookie cleared without Secure stays put. */
export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true } as const;
}

export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-sh_csrf' : 'sh_csrf';
}
