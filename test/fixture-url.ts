/**
 * The URL a fixture page stands for, from its `<meta name="papershelf-fixture-url" content="…">`
 * (attribute text: `&amp;` is `&`). One reader for the unit tests, the fuzzer and the e2e server.
 */
export function fixtureUrl(html: string): string | undefined {
  return /<meta name="papershelf-fixture-url" content="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
}
