import { useEffect, useState } from "react";
import { ApiError, answer, bearer, client, idempotencyKey } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { usePhoneFormat } from "../phone-format.ts";
import { Button, problemMessage } from "../ui.tsx";
import { SignIn, subscriberTokenKey } from "./account.tsx";

type Request = { recipient: string; msisdn: string; state: string; returnUrl: string };

/**
 * /port-out/one-stop?recipient=…&msisdn=…&state=…&return=…: another operator (the recipient) sent our
 * subscriber here to take their number (one-stop port-out, docs/number-portability.md). The recipient
 * and its return address are checked first (an unknown one is refused and nobody is sent anywhere);
 * the subscriber signs in (a fresh mailed code, as for any port-out), sees the line and what happens,
 * and confirms or declines; either way the server answers where to send the browser back.
 */
export function OneStopPortOutPage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  const request: Request = {
    recipient: search.get("recipient") ?? "",
    msisdn: search.get("msisdn") ?? "",
    state: search.get("state") ?? "",
    returnUrl: search.get("return") ?? "",
  };
  const [recipient, setRecipient] = useState<{ name: string } | null | "invalid">(null);
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(subscriberTokenKey));
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const query = { recipient: request.recipient, returnUrl: request.returnUrl };
    answer(client.GET("/v1/port-out/one-stop/recipient", { params: { query } })).then(
      (r) => setRecipient({ name: r.name }),
      () => setRecipient("invalid"),
    );
  }, [request.recipient, request.returnUrl]);
  if (recipient === null) return <p>{t("app.loading")}</p>;
  if (recipient === "invalid" || !/^0\d{9,10}$/.test(request.msisdn)) {
    return (
      <>
        <h1>{t("portOutOneStop.title")}</h1>
        <p role="alert">{t("portOutOneStop.invalid")}</p>
      </>
    );
  }
  const signOut = (why: string | null) => {
    sessionStorage.removeItem(subscriberTokenKey);
    setNotice(why);
    setToken(null);
  };
  return (
    <>
      <h1>{t("portOutOneStop.title")}</h1>
      <p>{t("portOutOneStop.intro", { recipient: recipient.name })}</p>
      {notice && <p role="alert">{notice}</p>}
      {token ? (
        <Confirm
          token={token}
          request={request}
          recipientName={recipient.name}
          onExpired={() => signOut(t("portOutOneStop.reauth"))}
        />
      ) : (
        <>
          <SignIn
            initialMsisdn={request.msisdn}
            onToken={(value) => {
              sessionStorage.setItem(subscriberTokenKey, value);
              setNotice(null);
              setToken(value);
            }}
          />
          <Decline request={request} recipientName={recipient.name} />
        </>
      )}
    </>
  );
}

function Confirm(props: { token: string; request: Request; recipientName: string; onExpired: () => void }) {
  const { t } = useI18n();
  const formatPhone = usePhoneFormat();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { request } = props;
  async function confirm() {
    setBusy(true);
    setMessage(null);
    try {
      const r = await answer(
        client.POST("/v1/subscriber/lines/{msisdn}/port-out/one-stop", {
          params: { path: { msisdn: request.msisdn }, header: { ...bearer(props), ...idempotencyKey() } },
          body: { recipient: request.recipient, state: request.state, returnUrl: request.returnUrl },
        }),
      );
      window.location.assign(r.redirectUrl);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.problem.status === 401) return props.onExpired();
      const code = err instanceof ApiError ? err.problem.code : "";
      setMessage(
        code === "mnp_not_voice"
          ? t("portOutOneStop.notVoice")
          : code === "subscription_not_active"
            ? t("portOutOneStop.notActive")
            : code === "not_found"
              ? t("portOutOneStop.notYours")
              : problemMessage(err, t),
      );
    }
  }
  return (
    <section className="card" aria-labelledby="port-out-line">
      <h2 id="port-out-line">{t("portOutOneStop.line", { msisdn: formatPhone(request.msisdn) })}</h2>
      <ul>
        <li>{t("portOutOneStop.whatEnds", { recipient: props.recipientName })}</li>
        <li>{t("portOutOneStop.whatKept")}</li>
      </ul>
      {message && <p role="alert">{message}</p>}
      <p className="actions">
        <Button busy={busy} onClick={() => void confirm()}>
          {t("portOutOneStop.confirm", { recipient: props.recipientName })}
        </Button>
      </p>
      <Decline request={request} recipientName={props.recipientName} />
    </section>
  );
}

function Decline({ request, recipientName }: { request: Request; recipientName: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function decline() {
    setBusy(true);
    try {
      const r = await answer(
        client.POST("/v1/port-out/one-stop/decline", {
          body: { recipient: request.recipient, state: request.state, returnUrl: request.returnUrl },
        }),
      );
      window.location.assign(r.redirectUrl);
    } catch (err) {
      setBusy(false);
      setMessage(problemMessage(err, t));
    }
  }
  return (
    <>
      {message && <p role="alert">{message}</p>}
      <p className="actions">
        <Button variant="secondary" busy={busy} onClick={() => void decline()}>
          {t("portOutOneStop.decline", { recipient: recipientName })}
        </Button>
      </p>
    </>
  );
}
