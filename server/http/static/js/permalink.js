// Permalinks: the program and its profiles in the URL's fragment
// (#profile=3.11&compare=3.10&py=<base64url of the UTF-8 source>), as
// Python Tutor's links carry their code.

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

// The fragment for `state` ({source, profile, compare}).
export function encodeLink({ source, profile, compare }) {
  const params = new URLSearchParams();
  params.set('profile', profile);
  if (compare) params.set('compare', compare);
  params.set('py', toBase64Url(source));
  return '#' + params.toString();
}

// The state a fragment carries, or null.
export function decodeLink(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('py')) return null;
  try {
    return { source: fromBase64Url(params.get('py')), profile: params.get('profile') || '3.11',
             compare: params.get('compare') || '' };
  } catch (error) {
    return null;
  }
}
