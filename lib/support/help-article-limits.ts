// The longest help article: the form's counter and the schema's check.

export const HELP_BODY_MAX = 20_000;
