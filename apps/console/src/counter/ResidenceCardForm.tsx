import type { FormEvent } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { AddressFieldset, addressFrom, type TypedAddress } from "./AddressFieldset.tsx";

/** What the clerk types from a residence card's front (在留カード): it has no MRZ; its chip is read next. */
export type ResidenceCardParticulars = {
  particulars: {
    name: { family: string; given: string };
    birthDate: string;
    nationality: string;
    address?: TypedAddress;
    document: { type: "residence_card"; number: string; expiryDate: string; issuingCountry: "JPN" };
  };
};

export function ResidenceCardForm(props: { disabled: boolean; onSubmit: (card: ResidenceCardParticulars) => void }) {
  const { t } = useI18n();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const address = addressFrom(form);
    props.onSubmit({
      particulars: {
        name: { family: text("family").toUpperCase(), given: text("given").toUpperCase() },
        birthDate: text("birthDate"),
        nationality: text("nationality").toUpperCase(),
        ...(address ? { address } : {}),
        // The Immigration Services Agency issues it: Japan is the issuing state.
        document: {
          type: "residence_card",
          number: text("cardNumber").toUpperCase(),
          expiryDate: text("expiryDate"),
          issuingCountry: "JPN",
        },
      },
    });
  }
  return (
    <form onSubmit={submit} className="stack">
      <div className="grid-form">
        <label>
          {t("counter.familyName")}
          <input name="family" required autoComplete="off" />
        </label>
        <label>
          {t("counter.givenName")}
          <input name="given" autoComplete="off" />
        </label>
        <label>
          {t("counter.birthDate")}
          <input name="birthDate" type="date" required />
        </label>
        <label>
          {t("counter.nationality")}
          <input name="nationality" required autoComplete="off" pattern="[A-Za-z]{3}" className="mono" />
        </label>
        <label>
          {t("counter.cardNumber")}
          <input
            name="cardNumber"
            required
            autoComplete="off"
            pattern="[A-Za-z]{2}[0-9]{8}[A-Za-z]{2}"
            className="mono"
          />
        </label>
        <label>
          {t("counter.cardExpiry")}
          <input name="expiryDate" type="date" required />
        </label>
      </div>
      <AddressFieldset disabled={props.disabled} />
      <button type="submit" disabled={props.disabled}>
        {t("counter.saveCard")}
      </button>
    </form>
  );
}
