/**
 * scorm-again as the LMS for Node tests, with what it does not check itself:
 * the SCORM 1.2 suspend_data limit of 4096 characters, Initialize/Terminate
 * counts, the order of SetValue calls, and an LMS whose Commit can fail.
 */
// The package entry: its per-version subpaths ship types that disagree with their code.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { ScormVersion } from '../../src/tracking/scorm/api.ts';

export interface TestLms {
  version: ScormVersion;
  api: Scorm12API | Scorm2004API;
  /** The object to publish as window.API / window.API_1484_11. */
  exposed: Record<string, (...args: string[]) => string>;
  counts: { initialize: number; terminate: number; commit: number; failedCommits: number };
  sets: [string, string][];
  /** The values set between one successful commit and the previous one, commit by commit. */
  commits: [string, string][][];
  failCommits: number;
  /** Read through the API (only while the session is open). */
  value(element: string): string;
  /** The last value the SCO set for an element (also after Terminate). */
  received(element: string): string | undefined;
}

export function createTestLms(version: ScormVersion, initial: Record<string, string> = {}): TestLms {
  const api = version === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  if (Object.keys(initial).length) api.loadFromFlattenedJSON(initial as never);
  const lms: TestLms = {
    version,
    api,
    exposed: {},
    counts: { initialize: 0, terminate: 0, commit: 0, failedCommits: 0 },
    sets: [],
    commits: [],
    failCommits: 0,
    value: (element) => (version === '1.2' ? (api as Scorm12API).LMSGetValue(element) : (api as Scorm2004API).GetValue(element)),
    received: (element) => lms.sets.findLast(([name]) => name === element)?.[1],
  };
  const raw = api as unknown as Record<string, (...args: string[]) => string>;
  const names = version === '1.2'
    ? { init: 'LMSInitialize', term: 'LMSFinish', set: 'LMSSetValue', commit: 'LMSCommit', others: ['LMSGetValue', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'] }
    : { init: 'Initialize', term: 'Terminate', set: 'SetValue', commit: 'Commit', others: ['GetValue', 'GetLastError', 'GetErrorString', 'GetDiagnostic'] };
  let forcedError = '';
  let sinceCommit: [string, string][] = [];
  for (const name of names.others) {
    lms.exposed[name] = (...args) => {
      if (forcedError && name.endsWith('GetLastError')) return forcedError;
      if (forcedError && name.endsWith('GetDiagnostic')) return forcedError === '391' ? 'test LMS refused the commit' : 'test LMS refused the value';
      return raw[name]!.apply(api, args);
    };
  }
  lms.exposed[names.init] = (arg = '') => {
    lms.counts.initialize += 1;
    return raw[names.init]!.call(api, arg);
  };
  lms.exposed[names.term] = (arg = '') => {
    lms.counts.terminate += 1;
    return raw[names.term]!.call(api, arg);
  };
  lms.exposed[names.set] = (element = '', value = '') => {
    forcedError = '';
    if (version === '1.2' && element === 'cmi.suspend_data' && value.length > 4096) {
      forcedError = '405'; // 1.2: incorrect data type (CMIString4096 overflow)
      return 'false';
    }
    lms.sets.push([element, value]);
    sinceCommit.push([element, value]);
    return raw[names.set]!.call(api, element, value);
  };
  lms.exposed[names.commit] = (arg = '') => {
    forcedError = '';
    if (lms.failCommits > 0) {
      lms.failCommits -= 1;
      lms.counts.failedCommits += 1;
      forcedError = '391';
      return 'false';
    }
    lms.counts.commit += 1;
    lms.commits.push(sinceCommit);
    sinceCommit = [];
    return raw[names.commit]!.call(api, arg);
  };
  return lms;
}
