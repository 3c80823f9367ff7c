// Share links: the scenario and its settings in the URL fragment, so nothing
// reaches a server. Two forms are read:
//   #v1.<base64url(deflate-raw(JSON {code, clock, speed, pinned?}))>   written by Share
//       (pinned: a second scenario, the pinned run the code is compared with)
//   #code=<percent-encoded source>                            written by hand
// Either form may start with `embed&` (#embed&v1.…, #embed&code=…): the page
// then shows only the editor, Run, the output and the timeline, for an iframe.
// A link is data from a stranger: it is size-limited, validated field by field,
// and only ever shown as text or run by the sandboxed engine.

export const MAX_CODE_CHARS = 100_000;
const MAX_FRAGMENT_CHARS = 200_000;
const MAX_INFLATED_BYTES = 4 * MAX_CODE_CHARS;

export class LinkError extends Error {}

function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError('the link contains characters a share link never has');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let bin;
  try { bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)); } catch { throw new LinkError('the link is not valid base64url'); }
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function deflate(text) {
  const stream = new Blob([new TextEncoder().encode(text)]).stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates with a ceiling, so a tiny link cannot expand into gigabytes.
async function inflate(bytes) {
  const reader = new Blob([bytes]).stream()
    .pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_INFLATED_BYTES) {
        reader.cancel().catch(() => {});
        throw new LinkError('the link holds more than a scenario can be');
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof LinkError) throw err;
    throw new LinkError('the link is truncated or corrupt (it does not decompress)');
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new LinkError('the link does not hold UTF-8 text');
  }
}

/** Settings a link may carry, clamped to what the page offers. */
export function cleanSettings(raw) {
  const clock = raw && raw.clock === 'real' ? 'real' : 'virtual';
  let speed = Number(raw && raw.speed);
  if (!Number.isFinite(speed)) speed = 1;
  speed = Math.min(10, Math.max(0.1, speed));
  return { clock, speed };
}

/** Returns the fragment (with '#') for a scenario and its settings. */
export async function encodeLink(code, settings, pinned = null) {
  const { clock, speed } = cleanSettings(settings);
  const json = JSON.stringify(typeof pinned === 'string' ? { code, clock, speed, pinned } : { code, clock, speed });
  return '#v1.' + toBase64Url(await deflate(json));
}

/**
 * Reads a fragment. Returns null when it holds no scenario, else
 * {code, clock, speed} (and pinned: the compared scenario's code; embed:
 * true for an embed link, which may hold no scenario: {embed}); throws LinkError with a reason a person can act on.
 */
export async function decodeLink(hash) {
  let fragment = (hash || '').replace(/^#/, '');
  const embed = /^embed(&|$)/.test(fragment);
  if (embed) fragment = fragment.replace(/^embed&?/, '');
  if (!fragment) return embed ? { embed } : null;
  const scenario = await decodeScenario(fragment);
  if (embed) scenario.embed = true;
  return scenario;
}

/** The fragment that opens a scenario in embed mode. */
export function embedFragment(fragment) {
  return `#embed&${fragment.replace(/^#/, '')}`;
}

async function decodeScenario(fragment) {
  if (fragment.length > MAX_FRAGMENT_CHARS) throw new LinkError('the link is too long');
  if (fragment.startsWith('code=')) {
    let code;
    // A raw '+' stays '+' (fragments are not form data): authors write
    // #code=print(1+2) by hand and mean it.
    try { code = decodeURIComponent(fragment.slice(5)); } catch {
      throw new LinkError('the link\u2019s code= part is not valid percent-encoding');
    }
    return checkCode({ code, clock: 'virtual', speed: 1 });
  }
  const m = /^v(\d+)\.(.*)$/s.exec(fragment);
  if (!m) throw new LinkError('this is not a corolab share link');
  if (m[1] !== '1') throw new LinkError(`the link was made by a newer corolab (format v${m[1]})`);
  const text = await inflate(fromBase64Url(m[2]));
  let data;
  try { data = JSON.parse(text); } catch { throw new LinkError('the link is truncated or corrupt (not valid data)'); }
  if (!data || typeof data !== 'object' || typeof data.code !== 'string') {
    throw new LinkError('the link holds no scenario');
  }
  const scenario = checkCode({ code: data.code, ...cleanSettings(data) });
  if (typeof data.pinned === 'string') scenario.pinned = checkCode({ code: data.pinned }).code;
  return scenario;
}

function checkCode(scenario) {
  if (scenario.code.length > MAX_CODE_CHARS) throw new LinkError('the scenario in the link is too long');
  return scenario;
}
