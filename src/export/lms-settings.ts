/**
 * The Moodle activity settings the trainer page recommends, once: the page
 * prints them (with Moodle 4.3's own labels) and the real-Moodle acceptance
 * suite imports every package with them, so the advice is what is tested.
 *
 * `field` is the setting's name in Moodle's SCORM activity form (what
 * mod/scorm/mod_form.php stores); `value` is what to choose; `label` and
 * `choice` are the words Moodle shows (mod/scorm/lang/en/scorm.php).
 */
export interface MoodleSetting {
  field: string;
  value: number;
  label: string;
  choice: string;
}

const grademethod = (value: number, choice: string): MoodleSetting => ({ field: 'grademethod', value, label: 'Grading method', choice });

/**
 * "Require status": Passed (2) when every module ends with a knowledge check,
 * so that completing the activity means passing it in both SCORM versions
 * (2004 reports "completed" for a learner who read everything and failed);
 * Passed or Completed (2 + 4) when some module has no check, whose 1.2
 * status can only be "completed".
 */
function requiredStatus(everyModuleHasCheck: boolean): MoodleSetting {
  return everyModuleHasCheck
    ? { field: 'completionstatusrequired', value: 2, label: 'Require status', choice: 'Passed' }
    : { field: 'completionstatusrequired', value: 6, label: 'Require status', choice: 'Passed, Completed' };
}

/** One module per activity: the module's score is the grade; passing completes the activity. */
export function moduleSettings(everyModuleHasCheck: boolean): MoodleSetting[] {
  return [
    grademethod(1, 'Highest grade'),
    { field: 'maxgrade', value: 100, label: 'Maximum grade', choice: '100' },
    { field: 'whatgrade', value: 0, label: 'Attempts grading', choice: 'Highest attempt' },
    { field: 'popup', value: 0, label: 'Display package', choice: 'Current window' },
    { field: 'masteryoverride', value: 1, label: 'Mastery score overrides status', choice: 'Yes' },
    requiredStatus(everyModuleHasCheck),
  ];
}

/**
 * The whole course (one SCO per module): Moodle's defaults grade with the
 * best module ("Highest grade") and complete the activity with the first
 * module passed. "Learning objects" grades by modules done (out of 18) and
 * "All SCOs must return completion status" completes it with the last one.
 */
export function courseSettings(everyModuleHasCheck: boolean): MoodleSetting[] {
  return [
    grademethod(0, 'Learning objects'),
    { field: 'whatgrade', value: 0, label: 'Attempts grading', choice: 'Highest attempt' },
    { field: 'popup', value: 0, label: 'Display package', choice: 'Current window' },
    { field: 'hidetoc', value: 0, label: 'Display course structure in player', choice: 'To the side' },
    { field: 'masteryoverride', value: 1, label: 'Mastery score overrides status', choice: 'Yes' },
    requiredStatus(everyModuleHasCheck),
    { field: 'completionstatusallscos', value: 1, label: 'All SCOs must return completion status', choice: 'Yes' },
  ];
}

/** The same, as `field: value` for Moodle's API (the acceptance suite's import). */
export function moodleFields(settings: MoodleSetting[]): Record<string, number> {
  return Object.fromEntries(settings.map((setting) => [setting.field, setting.value]));
}
