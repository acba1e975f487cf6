import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A password just set for someone, on its way from the form's POST to the page that shows it once. */
export interface NewPassword {
  userId: string;
  password: string;
  /** A new account's first password, or a reset. */
  kind: 'created' | 'reset';
}

const LIFETIME_MS = 10 * 60 * 1000;

/**
 * The form that sets a password redirects (so a refresh never sets another) to a page that shows
 * the password once. It travels in a short-lived cookie, encrypted and authenticated (AES-256-GCM)
 * with a key from the session secret and bound to the administrator's session: unreadable to
 * anyone else, useless in another session, and cleared as soon as the page has shown it. The
 * password is never stored anywhere but as its argon2 hash.
 */
export function oneTimePasswords(secret: string, secure: boolean) {
  const key = createHash('sha256').update('stable-homes one-time password\0').update(secret).digest();
  const name = secure ? '__Host-sh_new_password' : 'sh_new_password';
  const options = { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: LIFETIME_MS / 1000 } as const;

  return {
    name,
    options,

    seal(sessionHash: string, value: NewPassword, now: Date): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from(sessionHash));
      const body = Buffer.concat([cipher.update(JSON.stringify({ ...value, expires: now.getTime() + LIFETIME_MS }), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },

    /** The password sealed for this session and account, if it is one and has not expired. */
    open(sessionHash: string, sealed: string | undefined, userId: string, now: Date): NewPassword | undefined {
      if (!sealed || sealed.length > 2000) return undefined;
      try {
        const raw = Buffer.from(sealed, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12), { authTagLength: 16 });
        decipher.setAAD(Buffer.from(sessionHash));
        decipher.setAuthTag(raw.subarray(12, 28));
        const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
        const value = JSON.parse(text) as NewPassword & { expires: number };
        if (value.userId !== userId || value.expires <= now.getTime() || (value.kind !== 'created' && value.kind !== 'reset')) return undefined;
        return { userId: value.userId, password: value.password, kind: value.kind };
      } catch {
        return undefined;
      }
    },
  };
}
