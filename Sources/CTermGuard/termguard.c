#define _XOPEN_SOURCE_EXTENDED 1
#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <ncurses.h>
#include "termguard.h"

static struct sigaction old_actions[65];
static volatile sig_atomic_t signal_fd = -1;

static void on_fatal(int sig, siginfo_t *info, void *context) {
    (void)context;
    endwin();
    /* Modes ncurses does not know it set: bracketed paste and mouse reporting off. */
    static const char modes_off[] = "\033[?2004l\033[?1000l\033[?1002l\033[?1006l";
    ssize_t ignored = write(STDOUT_FILENO, modes_off, sizeof modes_off - 1); (void)ignored;
    sigaction(sig, &old_actions[sig], NULL);
    /* A real fault (SIGILL/SEGV/BUS/FPE from the kernel): returning re-runs the
       faulting instruction under the old handler (Swift's backtracer, or death).
       Anything sent by a process (kill, abort) has si_code <= 0: send it again. */
    if (sig == SIGABRT || sig == SIGTRAP || sig == SIGQUIT || info == NULL || info->si_code <= 0) raise(sig);
}

void termguard_install(void) {
    static const int signals[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGQUIT };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fatal;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++)
        sigaction(signals[i], &action, &old_actions[signals[i]]);
}

/* Async-signal-safe: one byte, the signal's number, down the pipe. */
static void on_signal(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    if (signal_fd >= 0) { ssize_t ignored = write(signal_fd, &byte, 1); (void)ignored; }
    errno = saved;
}

void termguard_watch_signals(int write_fd) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT };
    signal_fd = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}

void termguard_release_signals(void) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], SIG_DFL);
}

void termguard_default_stop(void) {
    signal(SIGTSTP, SIG_DFL);
}

void termguard_watch_stop(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTSTP, &action, NULL);
}

void termguard_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
