// The list lives in the domain, where the staff console reads it too.
export { type CaseTag, caseTags } from "@jitsumei/domain/case-tags";
