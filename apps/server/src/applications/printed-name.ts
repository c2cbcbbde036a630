/**
 * The holder's name as the documents print it. A person who gave their name in Japanese script
 * (the kanji name of a My Number card or a residence card) reads it so on their receipt and contract,
 * not romanised: 山田 花子. Without one, the Latin name in the order it is spoken, given name first.
 */
type Name = { family: string; given: string; kanji?: string | undefined };

const latin = (name: Name) => [name.given, name.family].filter(Boolean).join(" ");

/** One name: the kanji where given (a receipt's payer, a letter's salutation). */
export function printedName(name: Name | undefined): string {
  if (!name) return "";
  return name.kanji?.trim() || latin(name);
}

/** Both where both are known, the kanji first (a contract names its party as every record does). */
export function printedFullName(name: Name | undefined): string {
  if (!name) return "";
  const kanji = name.kanji?.trim();
  return kanji ? `${kanji}（${latin(name)}）` : latin(name);
}
