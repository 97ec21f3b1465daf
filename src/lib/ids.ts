import { uuidv7 } from 'uuidv7';

/** New record id: UUIDv7, so ids sort by creation time and keyset pages follow insertion order. */
export const newId = (): string => uuidv7();
