import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf, newSigningKeyPem, parseSigningKey, publicKeyPem } from './checkpoint.js';

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

/** AUDIT_SIGNING_KEY, or a key generated on first use and kept (0600) under DATA_DIR. */
export function loadSigningKey(settings: { AUDIT_SIGNING_KEY?: string; DATA_DIR: string }): SigningKey {
  const privateKey = parseSigningKey(settings.AUDIT_SIGNING_KEY ?? keyFile(settings.DATA_DIR));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKeyPem(publicKey), keyId: keyIdOf(publicKey) };
}

function keyFile(dataDir: string): string {
  const file = join(dataDir, 'audit-signing-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, newSigningKeyPem(), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error; // another process wrote it first
  }
  return readFileSync(file, 'utf8');
}
