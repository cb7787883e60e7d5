/**
 * Checks that text is one OpenSSH public key line. The answer never contains any of the text: what users
 * paste here by mistake is most often a private key.
 */

const KEY_TYPES: Record<string, (fields: Buffer[]) => boolean> = {
  'ssh-rsa': (f) => f.length === 3 && f[1].length > 0 && f[2].length >= 128,
  'ssh-ed25519': (f) => f.length === 2 && f[1].length === 32,
  'ecdsa-sha2-nistp256': (f) => f.length === 3 && f[1].toString('latin1') === 'nistp256',
  'ecdsa-sha2-nistp384': (f) => f.length === 3 && f[1].toString('latin1') === 'nistp384',
  'ecdsa-sha2-nistp521': (f) => f.length === 3 && f[1].toString('latin1') === 'nistp521',
};

export const SSH_KEY_ALLOWED =
  'one OpenSSH public key line: ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521, a base64 key body of that type, and an optional comment';

/** What is wrong, described without quoting the input, or undefined for a valid key. */
export function sshPublicKeyRefused(text: string): string | undefined {
  if (/PRIVATE KEY/.test(text) || /^PuTTY-User-Key-File/m.test(text)) return 'a private key';
  if (/^---- BEGIN SSH2 PUBLIC KEY ----/m.test(text))
    return 'an SSH2 (RFC 4716) public key; convert it with ssh-keygen -i -f';
  const trimmed = text.trim();
  if (/[\r\n]/.test(trimmed)) return `${trimmed.split(/\r?\n/).length} lines`;
  const [type, body, ...comment] = trimmed.split(/\s+/);
  void comment;
  const check = KEY_TYPES[type];
  if (!check) return `text of ${text.length} characters that does not start with a known key type`;
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
    return `a ${type} key whose body is not base64`;
  const fields = sshWireFields(Buffer.from(body, 'base64'));
  if (!fields || fields[0].toString('latin1') !== type || !check(fields))
    return `a ${type} key whose body is not a whole ${type} key`;
  return undefined;
}

/** Splits the SSH wire format (uint32 length + bytes, repeated); undefined when it does not split exactly. */
function sshWireFields(buf: Buffer): Buffer[] | undefined {
  const fields: Buffer[] = [];
  let at = 0;
  while (at < buf.length) {
    if (at + 4 > buf.length) return undefined;
    const len = buf.readUInt32BE(at);
    at += 4;
    if (at + len > buf.length) return undefined;
    fields.push(buf.subarray(at, at + len));
    at += len;
  }
  return fields.length > 0 ? fields : undefined;
}
