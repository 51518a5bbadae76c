/**
 * Where JSON text goes wrong. JSON.parse's messages differ by engine and some carry no position
 * (V8: `Unexpected token '}', "…whole file…" is not valid JSON`), so when parsing fails this
 * small validator walks the text once more to name the position and what was expected there.
 */

export interface JsonSyntaxProblem {
  /** 0-based character offset */
  position: number;
  /** 1-based */
  line: number;
  column: number;
  /** what is wrong, in words */
  problem: string;
  /** the text ended before the value did */
  truncated: boolean;
}

class Stop {
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  const n = text.length;
  let i = 0;
  const stop = (expected?: string): never => {
    if (i >= n) throw new Stop(n, 'unexpected end of file');
    const found = JSON.stringify(text[i]);
    throw new Stop(i, expected ? `expected ${expected}, found ${found}` : `unexpected ${found}`);
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) stop('four hex digits after \\u');
          i += 5;
        } else if (i < n && '"\\/bfnrt'.includes(text[i]!)) i++;
        else stop('an escape such as \\n or \\"');
        continue;
      }
      if (c < ' ') stop('no control characters inside a string');
      i++;
    }
    stop();
  };
  const value = (depth: number): void => {
    if (depth > 5000) throw new Stop(i, 'nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') stop('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') stop("':'");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        stop("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        stop("',' or ']'");
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num && num[0] !== '-') {
      i += num[0].length;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    stop('a value');
  };
  try {
    value(0);
    ws();
    if (i < n) stop('the end of the file after the JSON value');
    return null;
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    const before = text.slice(0, err.position);
    const line = before.split('\n').length;
    const column = err.position - before.lastIndexOf('\n');
    return { position: err.position, line, column, problem: err.problem, truncated: err.position >= n };
  }
}

/** "JSON syntax error at position 1234 (line 40, column 5): expected ',' or '}', found ']'". */
export function describeJsonError(text: string, fallback: string): string {
  const e = findJsonSyntaxError(text);
  if (!e) return `JSON syntax error: ${fallback}`;
  const where = `at position ${e.position} (line ${e.line}, column ${e.column})`;
  return e.truncated ? `JSON syntax error ${where}: the file ends too early (is it truncated?)` : `JSON syntax error ${where}: ${e.problem}`;
}
