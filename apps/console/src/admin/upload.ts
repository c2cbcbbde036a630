import type { Answer, Body } from "@jitsumei/api-contract/client";
import { checkAnswer, getCsrfToken } from "../api/client.ts";

type UploadPath = "/v1/staff/inventory/import";

/**
 * A JSON POST that reports how much of the body has gone (fetch cannot): large CSV imports show a
 * progress bar. Answers the status and the parsed body, problem or not; a success is checked against the
 * contract like every other answer.
 */
export function uploadJson<P extends UploadPath>(
  path: P,
  body: Body<P, "post">,
  onProgress: (percent: number) => void,
): Promise<
  | { ok: true; status: number; body: Answer<P, "post"> }
  | { ok: false; status: number; body: { errors?: { field: string; reason: string }[] } }
> {
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
      const status = request.status;
      const parsed: unknown = request.responseText ? JSON.parse(request.responseText) : {};
      if (status >= 200 && status < 300) {
        try {
          checkAnswer("POST", path, status, parsed);
        } catch (error) {
          reject(error);
          return;
        }
        resolve({ ok: true, status, body: parsed as Answer<P, "post"> });
      } else {
        resolve({ ok: false, status, body: parsed as { errors?: { field: string; reason: string }[] } });
      }
    };
    request.onerror = () => reject(new Error("network error"));
    request.send(JSON.stringify(body));
  });
}
