import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSecretBox,
  parseEncryptionKey,
  SecretBoxError,
} from '../../../service/src/security/secretBox.ts';

describe('SecretBox', () => {
  const box = createSecretBox(randomBytes(32));

  it.each(['pat-abc123', '', 'ユニコードのトークン', 'x'.repeat(5000)])('round-trips %j', (secret) => {
    expect(box.open(box.seal(secret))).toBe(secret);
  });

  it('never stores the plaintext and never seals twice alike', () => {
    const first = box.seal('my-secret-pat');
    expect(first).not.toContain('my-secret-pat');
    expect(box.seal('my-secret-pat')).not.toBe(first);
  });

  it.each([
    ['another key', (sealed: string) => createSecretBox(randomBytes(32)).open(sealed)],
    [
      'a tampered ciphertext',
      (sealed: string) => box.open(sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA')),
    ],
    ['an unknown format', () => box.open('v9.a.b.c')],
  ])('refuses %s with a clear error', (_case, attempt) => {
    const sealed = box.seal('my-secret-pat');
    expect(() => attempt(sealed)).toThrow(SecretBoxError);
  });

  it.each([
    ['a 32-byte base64 key', randomBytes(32).toString('base64'), true],
    ['a url-safe one', randomBytes(32).toString('base64url'), true],
    ['too short', randomBytes(16).toString('base64'), false],
    ['not base64 at all', 'hello', false],
  ])('parseEncryptionKey: %s', (_case, text, valid) => {
    if (valid) expect(parseEncryptionKey(text)).toHaveLength(32);
    else expect(() => parseEncryptionKey(text)).toThrow(/SEIKA_ENCRYPTION_KEY/);
  });
});
