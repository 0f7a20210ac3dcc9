// Uploading a document straight to storage: the server hands out a signed PUT, the
// browser sends the bytes there (with progress), then the server checks what arrived
// against the SHA-256 computed here.

export interface SignedPut {
  url: string;
  method: string;
  headers: { name: string; value: string }[];
}

/** Lower-case hex of a digest. */
export function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Why an upload did not reach storage, for a message in the user's language. */
export class UploadError extends Error {
  constructor(
    public readonly kind: "insecure" | "refused" | "interrupted",
    public readonly status?: number,
  ) {
    super(`upload ${kind}${status ? ` (${status})` : ""}`);
    this.name = "UploadError";
  }
}

export async function sha256Hex(file: Blob): Promise<string> {
  // WebCrypto exists only on HTTPS pages (and localhost).
  if (!globalThis.crypto?.subtle) throw new UploadError("insecure");
  return toHex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
}

/** Headers a browser refuses to set itself (it sends them on its own). */
const FORBIDDEN = new Set(["content-length", "host", "connection"]);

/**
 * Send `file` as the signed request says, reporting progress from 0 to 1. XHR rather
 * than fetch: fetch reports no upload progress.
 */
export function putFile(file: Blob, req: SignedPut, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(req.method || "PUT", req.url);
    for (const h of req.headers) {
      if (!FORBIDDEN.has(h.name.toLowerCase())) xhr.setRequestHeader(h.name, h.value);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new UploadError("refused", xhr.status));
    };
    xhr.onerror = () => reject(new UploadError("interrupted"));
    xhr.send(file);
  });
}
