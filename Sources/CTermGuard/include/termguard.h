#ifndef TERMGUARD_H
#define TERMGUARD_H
/* Gives the terminal back (endwin) before a crash signal kills the process,
   then lets the signal take its normal course. */
void termguard_install(void);
/* SIGINT/SIGTERM/SIGHUP/SIGTSTP/SIGCONT write their number (one byte) to
   write_fd instead of killing; a thread reads it (SignalWatcher). */
void termguard_watch_signals(int write_fd);
/* All five back to their default actions (the UI has ended). */
void termguard_release_signals(void);
/* SIGTSTP back to its default (stop), to suspend; then watched again. */
void termguard_default_stop(void);
void termguard_watch_stop(void);
/* Gives freed heap memory back to the system (glibc's malloc_trim; a no-op elsewhere). */
void termguard_release_free_memory(void);
#endif
