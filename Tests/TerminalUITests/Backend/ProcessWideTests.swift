import Testing

/// Tests of what a process has once: ncurses' screen, the signal handlers
/// and the signal watcher. They run one at a time (nested suites inherit
/// `.serialized`), so one test's SIGHUP never lands in another's.
@Suite(.serialized) struct ProcessWideTests {}
