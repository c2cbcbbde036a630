import type { CaseView } from "../api/answers.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * The faces a reviewer compares with the particulars: the chip's photo and the selfie, side by side.
 * Each image is fetched from a route that audits the opening and forbids caching; roles that may not
 * open them (compliance reads the case without them) see a line saying so instead.
 */
export function FacesCard({ view, mayOpen }: { view: CaseView; mayOpen: boolean }) {
  const { t } = useI18n();
  if (view.images.length === 0) return null;
  if (!mayOpen) return <p className="muted small">{t("case.imagesReviewersOnly")}</p>;
  const base = `/v1/staff/applications/${encodeURIComponent(view.reference)}/images`;
  return (
    <div>
      <h3>{t("case.faces")}</h3>
      <div className="faces">
        {view.images.map((image) => (
          <figure key={image}>
            <img src={`${base}/${image}`} alt={t(`case.image.${image}`)} width={180} />
            <figcaption>{t(`case.image.${image}`)}</figcaption>
          </figure>
        ))}
      </div>
      <p className="muted small">{t("case.imagesAudited")}</p>
    </div>
  );
}
