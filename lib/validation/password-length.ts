// The shortest password accepted: the form's hint and strength meter and the schema's check.

/** NIST SP 800-63B and PCI DSS 8.3.6 ask for 12; a phrase of a few words is easy to remember. */
export const PASSWORD_MIN = 12;
