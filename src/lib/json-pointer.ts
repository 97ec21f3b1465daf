/** JSON pointer (RFC 6901) for a path of keys, e.g. a zod issue path. */
export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}
