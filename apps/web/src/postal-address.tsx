import { formatPostalCode, postalCodeDigits } from "@jitsumei/domain/postal-code";
import { prefectureLabel, prefectures } from "@jitsumei/domain/prefectures";
import { useEffect, useRef, useState } from "react";
import { type Answer, ApiError, answer, client } from "./api.ts";
import { useI18n } from "./i18n/index.tsx";
import { Field } from "./ui.tsx";

/** One place of GET /v1/postal-codes/{code} (Japan Post's data, served by the server). */
export type PostalPlace = Answer<"/v1/postal-codes/{code}", "get">["places"][number];

/**
 * The postal code, which fills the prefecture, city and town in once its 7 digits are typed (with or
 * without the hyphen). What it filled in says so in a live region; a code Japan Post does not know is
 * said too, and the address is then typed by hand.
 */
export function PostalCodeField(props: {
  value: string;
  onChange: (value: string) => void;
  onPlace: (place: PostalPlace) => void;
  error?: string;
  highlight?: boolean;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const looked = useRef<string | null>(postalCodeDigits(props.value));
  const digits = postalCodeDigits(props.value);
  const { onPlace } = props;

  useEffect(() => {
    if (!digits || digits === looked.current) return;
    looked.current = digits;
    let current = true;
    answer(client.GET("/v1/postal-codes/{code}", { params: { path: { code: digits } } })).then(
      ({ places }) => {
        const [first] = places;
        if (!current || !first) return;
        // A code shared by several towns: the prefecture and city they share, the town left to type.
        const shared = places.every((p) => p.city === first.city) ? first : { ...first, city: "" };
        const place = places.length === 1 ? first : { ...shared, town: "" };
        onPlace(place);
        setStatus(
          places.length === 1
            ? t("postal.filled", { address: `${place.prefecture}${place.city}${place.town}` })
            : t("postal.several", { towns: places.map((p) => p.town).join("、") }),
        );
      },
      (error) => {
        if (current) setStatus(error instanceof ApiError && error.problem.status === 404 ? t("postal.unknown") : null);
      },
    );
    return () => {
      current = false;
    };
  }, [digits, onPlace, t]);

  return (
    <Field
      name="address.postalCode"
      label={t("particulars.postalCode")}
      hint={t("postal.hint")}
      error={props.error}
      highlight={props.highlight}
    >
      {(a) => (
        <>
          <input
            {...a}
            type="text"
            inputMode="numeric"
            autoComplete="postal-code"
            className="short"
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            onBlur={() => props.onChange(formatPostalCode(props.value))}
          />
          <p className="hint" role="status" id="postal-status">
            {status}
          </p>
        </>
      )}
    </Field>
  );
}

/** The 47 prefectures, the value in Japanese, each named in the applicant's language beside it. */
export function PrefectureSelect(props: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t, lang } = useI18n();
  return (
    <Field name="address.prefecture" label={t("particulars.prefecture")} error={props.error}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{t("particulars.choose")}</option>
          {prefectures.map((p) => (
            <option key={p} value={p}>
              {prefectureLabel(p, lang)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
