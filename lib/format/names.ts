/**
 * How a letter or a greeting addresses a person: «Петров Алексей Сергеевич» → «Алексей Сергеевич»
 * (name and patronymic, as Russian courtesy has it). A name of another shape is used whole.
 */
export function addressedAs(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length === 3 ? `${parts[1]} ${parts[2]}` : fullName.trim();
}
