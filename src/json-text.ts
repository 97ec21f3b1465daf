/**
 * A JSON body rendered ahead, in SQL from stored JSON, and sent as is. The registry does not parse it back
 * against the response schema, which would cost more than building it did (a feed page of 1,000 records:
 * decode, check, encode); the test suite checks every response it receives against the OpenAPI document.
 */
export class JsonText {
  constructor(
    readonly text: string,
    /** The latest change the body shows, for Last-Modified; null when it shows none. */
    readonly lastModified: Date | null,
  ) {}
}
