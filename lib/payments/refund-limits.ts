// The longest refund reason: the form's counter and the schema's check.

export const REFUND_REASON_MAX = 500;
