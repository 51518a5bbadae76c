/**
 * The small part of citation-js 0.8 that lib/exchange/citation.ts uses (the packages ship no
 * TypeScript declarations). Data in and out is CSL-JSON or the plugins' own intermediate objects.
 */
declare module '@citation-js/core' {
  export namespace plugins {
    namespace input {
      /** One parsing step: `input` read as `type` (e.g. '@biblatex/text' -> raw entries). */
      function data(input: unknown, type: string): unknown;
      /** Parse repeatedly until `options.target` (default CSL-JSON list) is reached. */
      function chain(input: unknown, options?: { forceType?: string; target?: string; generateGraph?: boolean; strict?: boolean }): unknown;
    }
    namespace output {
      /** Format CSL-JSON items with a registered output format ('bibtex', 'biblatex', 'ris', 'data'). */
      function format(name: string, data: readonly object[], options?: { format?: string; [key: string]: unknown }): unknown;
    }
  }
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
