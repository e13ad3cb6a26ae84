/**
 * The launch URL's fragment carries the host shell's secret next to the app's own route
 * (#/counter, #/admin): the page must take the secret out and leave the route as it was.
 */
import { describe, expect, it } from 'vitest';
import { launchUrl, splitLaunchHash } from '../../../src-shared/api/host-launch.js';

const KEY = '0123456789abcdef'.repeat(4);

describe('launch URL fragment', () => {
  it('round-trips the secret and the route', () => {
    for (const route of ['', '/counter', '/admin']) {
      const hash = new URL(launchUrl('http://127.0.0.1:5173', KEY, route)).hash;
      expect(splitLaunchHash(hash)).toEqual({ key: KEY, hash: route ? `#${route}` : '' });
    }
  });

  it('leaves a hash without a secret alone, and keeps other parameters', () => {
    expect(splitLaunchHash('#/counter')).toEqual({ key: null, hash: '#/counter' });
    expect(splitLaunchHash('')).toEqual({ key: null, hash: '' });
    expect(splitLaunchHash(`#/x?a=1&key=${KEY}`)).toEqual({ key: KEY, hash: '#/x?a=1' });
    expect(splitLaunchHash(`#/x?key=${KEY}&a=1`)).toEqual({ key: KEY, hash: '#/x?a=1' });
  });

  it('takes nothing that is not a secret', () => {
    expect(splitLaunchHash('#key=<script>').key).toBeNull();
    expect(splitLaunchHash('#monkey=abcdefabcdefabcdef').key).toBeNull();
  });
});
