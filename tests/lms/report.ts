/**
 * What Moodle stored in each scenario, collected for the closing table:
 * status, score, grade, completion, location, suspend_data length and
 * interactions and total time, written to tests/.output/lms-report.md as the run goes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interactionsOf, summaryOf, type Tracks } from './moodle.ts';

const rows: string[][] = [];

export function recordScenario(scenario: string, t: Tracks, scoid: number): void {
  const row = summaryOf(t, scoid);
  const status = row?.lesson_status ?? [row?.completion_status, row?.success_status].filter(Boolean).join(' / ');
  rows.push([
    scenario,
    status || '—',
    row?.score_raw ?? '—',
    t.grade ? `${t.grade.grade ?? '—'} / ${t.grade.grademax}` : '—',
    t.completion ?? '—',
    row?.location ?? '—',
    String(row?.suspend_data_length ?? '—'),
    String(interactionsOf(t, scoid).length),
    row?.total_time ?? '—',
  ]);
  write();
}

function write(): void {
  const header = ['scenario', 'status', 'score', 'grade', 'completion', 'location', 'suspend_data', 'interactions', 'total time'];
  const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const dir = join(new URL('../.output/', import.meta.url).pathname);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'lms-report.md'), `${table}\n`);
}
