// The longest news text: the form's counter and the schema's check.

export const NEWS_BODY_MAX = 20_000;
