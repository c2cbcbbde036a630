/** A test applicant, as the journeys and the JPKI card fixtures share it. */
export type Person = {
  family: string;
  given: string;
  birthDate: string; // YYYY-MM-DD
  nationality: string;
  documentNumber: string; // 9 characters
  expiryDate: string;
  sex: "F" | "M";
};
