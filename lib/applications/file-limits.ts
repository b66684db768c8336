// The largest document an application may carry: the form says it, the schema and lib/files check it.

/** Each uploaded document: PDF, JPEG or PNG, checked by its bytes (lib/files), at most this big. */
export const APPLICATION_FILE_MAX_BYTES = 5 * 1024 * 1024;
