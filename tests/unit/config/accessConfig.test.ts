import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../service/src/config.ts';

describe('access configuration', () => {
  it('allows no other organization origin by default', () => {
    const config = readConfig({});
    expect(config.SEIKA_ALLOWED_ORGANIZATION_ORIGINS).toEqual([]);
    expect(config.SEIKA_AUDIT_RETENTION_DAYS).toBe(365);
  });

  it('reads a comma-separated allow-list as origins', () => {
    const config = readConfig({
      SEIKA_ALLOWED_ORGANIZATION_ORIGINS:
        ' http://127.0.0.1:9090 , https://ado-proxy.example.com/ignored/path ',
      SEIKA_AUDIT_RETENTION_DAYS: '30',
    });
    expect(config.SEIKA_ALLOWED_ORGANIZATION_ORIGINS).toEqual([
      'http://127.0.0.1:9090',
      'https://ado-proxy.example.com',
    ]);
    expect(config.SEIKA_AUDIT_RETENTION_DAYS).toBe(30);
  });

  it('refuses something that is not a URL', () => {
    expect(() => readConfig({ SEIKA_ALLOWED_ORGANIZATION_ORIGINS: 'not a url' })).toThrow(
      /SEIKA_ALLOWED_ORGANIZATION_ORIGINS/,
    );
  });
});
