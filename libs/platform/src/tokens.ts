export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_URL = Symbol('DATABASE_URL');
export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The embedded PostgreSQL's supervisor (a DatabaseStatusSource), or null with DATABASE_URL. */
export const DATABASE_STATUS = Symbol('DATABASE_STATUS');
