#ifndef TERMGUARD_H
#define TERMGUARD_H
/* Gives the terminal back (endwin) before a crash signal kills the process,
   then lets the signal take its normal course. */
void termguard_install(void);
/* SIGINT/SIGTERM/SIGHUP/SIGTSTP/SIGCONT set a flag the loop reads instead of killing. */
void termguard_watch_signals(void);
/* The last such signal, cleared on read; 0 if none. */
int termguard_take_signal(void);
/* Gives freed heap memory back to the system (glibc's malloc_trim; a no-op elsewhere). */
void termguard_release_free_memory(void);
#endif
