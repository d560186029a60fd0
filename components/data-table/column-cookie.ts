/**
 * Cookie name prefix of a table's column choice (`tl_cols_<tableId>`). A plain module, not the 'use client' one:
 * a Server Component importing a constant from a client module gets a client reference, not the string.
 */
export const COLUMN_COOKIE_PREFIX = 'tl_cols_';
