/**
 * The MIME type of a media file when a feed does not say it: from the file name's extension,
 * else from Media RSS's `medium` ("image", "video", "audio"). An enclosure typed
 * application/octet-stream is a download to readers; one typed image/* is shown as an image.
 */

const BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', png: 'image/png', gif: 'image/gif',
  webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml', bmp: 'image/bmp', heic: 'image/heic',
  mp4: 'video/mp4', m4v: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', ogv: 'video/ogg',
  m3u8: 'application/vnd.apple.mpegurl',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', ogg: 'audio/ogg', oga: 'audio/ogg',
  opus: 'audio/ogg', wav: 'audio/wav', flac: 'audio/flac',
  pdf: 'application/pdf',
};

// Media RSS §5 `medium`: "image | audio | video | document | executable". The type a reader needs
// is the family; when the extension does not name the format, the family's commonest one does.
const BY_MEDIUM: Readonly<Record<string, string>> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/mpeg',
};

/** The type for a media URL, or null when neither its extension nor `medium` says. */
export function guessMediaType(url: string, medium?: string | null): string | null {
  const fromMedium = medium ? BY_MEDIUM[medium.trim().toLowerCase()] : undefined;
  const fromExtension = BY_EXTENSION[extensionOf(url)];
  // An extension of the medium's family is more precise (image/png); one of another family
  // (a .php image endpoint has none) loses to what the feed said the medium is.
  if (fromExtension !== undefined && (fromMedium === undefined || sameFamily(fromExtension, fromMedium))) return fromExtension;
  return fromMedium ?? null;
}

function extensionOf(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? '';
  }
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

function sameFamily(a: string, b: string): boolean {
  return a.split('/')[0] === b.split('/')[0];
}
