import { describe, expect, it } from 'vitest';
import {
  InvalidOrganizationUrlError,
  parseOrganizationUrl,
} from '../../../../service/src/services/access/organizationUrl.ts';

describe('parseOrganizationUrl', () => {
  it.each([
    ['https://dev.azure.com/Contoso', 'contoso', 'https://dev.azure.com/contoso'],
    ['https://dev.azure.com/contoso/', 'contoso', 'https://dev.azure.com/contoso'],
    ['https://DEV.AZURE.COM/contoso', 'contoso', 'https://dev.azure.com/contoso'],
    // The default port is the same URL.
    ['https://dev.azure.com:443/contoso', 'contoso', 'https://dev.azure.com/contoso'],
    ['https://contoso.visualstudio.com', 'contoso', 'https://contoso.visualstudio.com'],
    ['https://Contoso.VisualStudio.com/', 'contoso', 'https://contoso.visualstudio.com'],
  ])('accepts %s', (input, name, url) => {
    expect(parseOrganizationUrl(input)).toEqual({ name, url });
  });

  it.each([
    'http://dev.azure.com/contoso',
    'https://dev.azure.com',
    'https://dev.azure.com/contoso/project',
    'https://dev.azure.com:8443/contoso',
    'https://user:secret@dev.azure.com/contoso',
    'https://dev.azure.com/contoso?api-version=7.1',
    'https://dev.azure.com/contoso#x',
    'https://dev.azure.com.evil.example/contoso',
    'https://evil.example/contoso',
    'https://contoso.visualstudio.com/extra',
    'https://a.b.visualstudio.com',
    'file:///etc/passwd',
    'mailto:someone@example.com',
    'javascript:alert(1)',
    'http://127.0.0.1:8080/contoso',
    'https://dev.azure.com/con%2Ftoso',
    'https://dev.azure.com/..',
    'not a url',
  ])('refuses %s', (input) => {
    expect(() => parseOrganizationUrl(input)).toThrow(InvalidOrganizationUrlError);
  });

  it('accepts an allowed origin (the simulator) with exactly one organization segment', () => {
    const allowed = ['http://127.0.0.1:9090'];
    expect(parseOrganizationUrl('http://127.0.0.1:9090/Seika-Demo', allowed)).toEqual({
      name: 'seika-demo',
      url: 'http://127.0.0.1:9090/seika-demo',
    });
    expect(() => parseOrganizationUrl('http://127.0.0.1:9091/seika-demo', allowed)).toThrow();
    expect(() => parseOrganizationUrl('http://127.0.0.1:9090/a/b', allowed)).toThrow();
    expect(() => parseOrganizationUrl('http://x:y@127.0.0.1:9090/a', allowed)).toThrow();
  });
});
