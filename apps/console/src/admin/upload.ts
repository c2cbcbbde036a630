import { getCsrfToken } from "../api/client.ts";

/**
 * A JSON POST that reports how much of the body has gone (fetch cannot): large CSV imports show a
 * progress bar. Answers the status and the parsed body, problem or not.
 */
export function uploadJson<T>(
  path: string,
  body: unknown,
  onProgress: (percent: number) => void,
): Promise<{ ok: boolean; status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.setRequestHeader("content-type", "application/json");
    request.setRequestHeader("accept", "application/json");
    const csrf = getCsrfToken();
    if (csrf) request.setRequestHeader("x-csrf-token", csrf);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      onProgress(100);
      resolve({
        ok: request.status >= 200 && request.status < 300,
        status: request.status,
        body: (request.responseText ? JSON.parse(request.responseText) : {}) as T,
      });
    };
    request.onerror = () => reject(new Error("network error"));
    request.send(JSON.stringify(body));
  });
}
