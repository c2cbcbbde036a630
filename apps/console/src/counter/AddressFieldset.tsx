import { prefectureLabel, prefectures } from "@jitsumei/domain/prefectures";
import { useI18n } from "../i18n/i18n.tsx";

export type TypedAddress = { postalCode: string; prefecture: string; city: string; line1: string };

/** The customer's address in Japan, typed by the clerk (no passport holds one; a residence card's back does). */
export function AddressFieldset(props: { disabled: boolean }) {
  const { t, language } = useI18n();
  return (
    <fieldset disabled={props.disabled}>
      <legend>{t("counter.address")}</legend>
      <div className="grid-form">
        <label>
          {t("counter.postalCode")}
          <input name="postalCode" autoComplete="off" />
        </label>
        <label>
          {t("counter.prefecture")}
          <select name="prefecture" defaultValue="">
            <option value="">{t("counter.prefectureChoose")}</option>
            {prefectures.map((p) => (
              <option key={p} value={p}>
                {prefectureLabel(p, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("counter.city")}
          <input name="city" autoComplete="off" />
        </label>
        <label>
          {t("counter.line1")}
          <input name="line1" autoComplete="off" />
        </label>
      </div>
    </fieldset>
  );
}

/** The address the fieldset holds, or nothing when no postal code was typed. */
export function addressFrom(form: FormData): TypedAddress | undefined {
  const postalCode = String(form.get("postalCode") ?? "").trim();
  if (!postalCode) return undefined;
  return {
    postalCode,
    prefecture: String(form.get("prefecture")),
    city: String(form.get("city")),
    line1: String(form.get("line1")),
  };
}
