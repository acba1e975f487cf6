/** The session cookie: `__Host-` prefixed (Secure, Path=/, no Domain) wherever cookies are Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-sh_session' : 'sh_session';
}

export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-sh_csrf' : 'sh_csrf';
}
