import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/domain/errors';
import { assertPublicUrl, isPrivateAddress } from '../../src/fetch/ssrf-guard';

async function captureError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError, but the promise resolved');
}

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback /8'],
    ['10.0.0.1', 'RFC 1918 10/8'],
    ['172.16.0.1', 'RFC 1918 172.16/12'],
    ['172.31.255.255', 'RFC 1918 172.16/12, upper end'],
    ['192.168.1.1', 'RFC 1918 192.168/16'],
    ['169.254.169.254', 'link-local, cloud metadata'],
    ['100.64.0.1', 'CGNAT 100.64/10'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '0/8'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved 240/4'],
    ['192.0.2.10', 'documentation TEST-NET-1'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'unique-local fc00::/7'],
    ['fd12:3456::1', 'unique-local fd00::/8'],
    ['fe80::1', 'link-local fe80::/10'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['not-an-ip', 'not an address at all (fails closed)'],
  ])('counts %s as private (%s)', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    ['93.184.216.34'],
    ['8.8.8.8'],
    ['172.32.0.1'],
    ['100.128.0.1'],
    ['2606:4700:4700::1111'],
    ['::ffff:93.184.216.34'],
    ['64:ff9b::5db8:d822'],
  ])('counts %s as public', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe('assertPublicUrl', () => {
  it.each([
    'http://127.0.0.1/feed',
    'http://10.0.0.1/',
    'http://[::1]:8080/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost/',
    'http://LOCALHOST.:3000/',
    'http://feeds.localhost/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://0/',
  ])('blocks %s by its host alone', async (url) => {
    const error = await captureError(assertPublicUrl(new URL(url), { allowPrivate: false }));
    expect(error.code).toBe('blocked_address');
    expect(error.message).toContain('ALLOW_PRIVATE_SOURCES');
  });

  it.each(['ftp://example.com/feed', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'rejects the non-http(s) URL %s as invalid_url',
    async (url) => {
      const error = await captureError(assertPublicUrl(new URL(url), { allowPrivate: true }));
      expect(error.code).toBe('invalid_url');
    },
  );

  it('blocks a host name that resolves to a private address', async () => {
    const resolveHost = async () => ['93.184.216.34', '10.1.2.3'];
    const error = await captureError(
      assertPublicUrl(new URL('https://intranet.example.com/rss'), { allowPrivate: false, resolveHost }),
    );
    expect(error.code).toBe('blocked_address');
    expect(error.message).toContain('intranet.example.com resolves to 10.1.2.3');
  });

  it('passes a host name that resolves only to public addresses, asking the resolver for that name', async () => {
    const asked: string[] = [];
    const resolveHost = async (hostname: string) => {
      asked.push(hostname);
      return ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'];
    };
    await assertPublicUrl(new URL('https://example.com:8443/rss'), { allowPrivate: false, resolveHost });
    expect(asked).toEqual(['example.com']);
  });

  it('reports a failed lookup as network_error with its cause', async () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    const resolveHost = async () => {
      throw cause;
    };
    const error = await captureError(
      assertPublicUrl(new URL('http://nowhere.invalid/'), { allowPrivate: false, resolveHost }),
    );
    expect(error.code).toBe('network_error');
    expect(error.cause).toBe(cause);
  });

  it('checks only names and literals when there is no resolver (Workers)', async () => {
    await expect(assertPublicUrl(new URL('https://example.com/rss'), { allowPrivate: false })).resolves.toBeUndefined();
  });

  it('lets private addresses through when allowPrivate is true', async () => {
    const resolveHost = async () => ['10.0.0.1'];
    await expect(
      assertPublicUrl(new URL('http://127.0.0.1:8080/feed'), { allowPrivate: true, resolveHost }),
    ).resolves.toBeUndefined();
    await expect(
      assertPublicUrl(new URL('http://intranet.example.com/'), { allowPrivate: true, resolveHost }),
    ).resolves.toBeUndefined();
  });
});
