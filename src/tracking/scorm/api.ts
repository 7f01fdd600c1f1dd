/**
 * Finding the LMS's SCORM API and calling it safely. The API object lives in
 * a parent frame (or the opener's frames) of the SCO; frames from another
 * origin throw on access and are skipped. Every call's result is checked and
 * turned into a named error (the Adapt spoor idea, without the 1000 lines).
 */
export type ScormVersion = '1.2' | '2004';

/** The API methods by version; both versions' objects have the same shape under other names. */
const methodNames = {
  '1.2': { initialize: 'LMSInitialize', terminate: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic' },
  '2004': { initialize: 'Initialize', terminate: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', lastError: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic' },
} as const;

/** Messages for the error codes an LMS may return (SCORM 1.2 and 2004 RTE). */
export const scormErrors: Record<string, string> = {
  '101': 'general exception',
  '102': 'general initialization failure',
  '103': 'already initialized',
  '104': 'content instance terminated',
  '111': 'general termination failure',
  '112': 'termination before initialization',
  '113': 'termination after termination',
  '122': 'retrieve data before initialization',
  '123': 'retrieve data after termination',
  '132': 'store data before initialization',
  '133': 'store data after termination',
  '142': 'commit before initialization',
  '143': 'commit after termination',
  '201': 'invalid argument',
  '301': 'not initialized (1.2) / general get failure (2004)',
  '351': 'general set failure',
  '391': 'general commit failure',
  '401': 'not implemented / undefined data model element',
  '402': 'unimplemented data model element',
  '403': 'element is read only / value not initialized',
  '404': 'element is write only / read only',
  '405': 'incorrect data type / write only',
  '406': 'data model element type mismatch',
  '407': 'data model element value out of range',
  '408': 'data model dependency not established',
};

/** A call the LMS refused, with what the LMS said about it (GetLastError, GetErrorString, GetDiagnostic). */
export class ScormCallError extends Error {
  readonly call: string;
  readonly code: string;
  readonly text: string;
  readonly diagnostic: string;
  constructor(call: string, code: string, text: string, diagnostic = '') {
    const said = text || scormErrors[code] || 'unknown error';
    const extra = diagnostic && diagnostic !== code && diagnostic !== said ? `; diagnostic: ${diagnostic}` : '';
    super(`${call} failed: LMS error ${code || '(none)'} (${said}${extra})`);
    this.name = 'ScormCallError';
    this.call = call;
    this.code = code;
    this.text = said;
    this.diagnostic = diagnostic;
  }
}

/** One version-neutral connection to the LMS. */
export interface ScormConnection {
  readonly version: ScormVersion;
  initialize(): void;
  terminate(): void;
  get(element: string): string;
  set(element: string, value: string): void;
  /** Returns the refusal instead of throwing: a refused commit is retried, not fatal. */
  commit(): ScormCallError | undefined;
}

function findIn(start: Window, name: 'API' | 'API_1484_11'): unknown {
  let current: Window | null = start;
  for (let depth = 0; current && depth < 10; depth += 1) {
    try {
      const candidate = (current as unknown as Record<string, unknown>)[name];
      if (candidate) return candidate;
    } catch {
      // A frame from another origin: its API is not for us; keep climbing.
    }
    if (current.parent === current) break;
    current = current.parent;
  }
  return undefined;
}

/** Looks in parent frames, then in the opener's; prefers 2004 when both exist. */
export function findApi(win: Window): { version: ScormVersion; api: unknown } | undefined {
  const places = [win];
  try {
    if (win.opener) places.push(win.opener as Window);
  } catch {
    // opener from another origin
  }
  for (const place of places) {
    const api2004 = findIn(place, 'API_1484_11');
    if (api2004) return { version: '2004', api: api2004 };
    const api12 = findIn(place, 'API');
    if (api12) return { version: '1.2', api: api12 };
  }
  return undefined;
}

export function connect(found: { version: ScormVersion; api: unknown }): ScormConnection {
  const names = methodNames[found.version];
  const api = found.api as Record<string, (...args: string[]) => unknown>;
  const call = (name: keyof typeof names, ...args: string[]) => String(api[names[name]]!.apply(found.api, args) ?? '');
  /** Asks the LMS why; an LMS without GetDiagnostic (or one that throws) still gets its code reported. */
  const fail = (what: string) => {
    const code = call('lastError');
    const ask = (name: 'errorString' | 'diagnostic') => {
      try {
        return typeof api[names[name]] === 'function' ? call(name, code) : '';
      } catch {
        return '';
      }
    };
    return new ScormCallError(what, code, ask('errorString'), ask('diagnostic'));
  };
  const check = (what: string, result: string) => {
    if (result !== 'true') throw fail(what);
  };
  return {
    version: found.version,
    initialize: () => check(names.initialize, call('initialize', '')),
    terminate: () => check(names.terminate, call('terminate', '')),
    get: (element) => {
      const value = call('get', element);
      const code = call('lastError');
      if (code !== '0' && code !== '') throw fail(`${names.get}(${element})`);
      return value;
    },
    set: (element, value) => check(`${names.set}(${element})`, call('set', element, value)),
    commit: () => (call('commit', '') === 'true' ? undefined : fail(names.commit)),
  };
}

/**
 * Initialize refusals that mean "this API object belongs to another SCO's
 * session": 2004's 103 (already initialized) and 104 (terminated); 1.2 has
 * only 101 (general exception) for both.
 */
export const staleSessionCodes: Record<ScormVersion, string[]> = { '1.2': ['101'], '2004': ['103', '104'] };

export interface OpenOptions {
  /** Finds the API now (parent frames, opener); called again before every retry. */
  find: () => { version: ScormVersion; api: unknown } | undefined;
  /** Waits between attempts, in milliseconds. */
  delays?: number[];
  wait?: (milliseconds: number) => Promise<void>;
}

/**
 * Connects and initializes. When Initialize is refused as stale (above), the
 * API found belongs to a session that has just ended or is still ending (an
 * LMS moving from one SCO to the next may replace its API object a moment
 * after the new SCO starts): look the API up again and retry, then give up
 * with the LMS's own diagnosis. Other refusals fail at once.
 */
export async function openSession(options: OpenOptions): Promise<ScormConnection> {
  const delays = options.delays ?? [250, 500, 1000, 2000];
  const wait = options.wait ?? ((milliseconds) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  for (let attempt = 0; ; attempt += 1) {
    const found = options.find();
    if (!found) throw new ScormNotFoundError();
    const connection = connect(found);
    try {
      connection.initialize();
      return connection;
    } catch (error) {
      const stale = error instanceof ScormCallError && staleSessionCodes[found.version].includes(error.code);
      if (!stale || attempt >= delays.length) throw error;
    }
    await wait(delays[attempt]!);
  }
}

export class ScormNotFoundError extends Error {
  constructor() {
    super('No SCORM API (API or API_1484_11) in the parent frames or the opener');
    this.name = 'ScormNotFoundError';
  }
}
