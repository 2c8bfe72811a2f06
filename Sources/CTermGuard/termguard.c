#define _XOPEN_SOURCE_EXTENDED 1
#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <ncurses.h>
#include "termguard.h"

static struct sigaction old_actions[65];
static volatile sig_atomic_t pending_signal = 0;

static void on_fatal(int sig, siginfo_t *info, void *context) {
    (void)context;
    endwin();
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

static void on_signal(int sig) { pending_signal = sig; }

void termguard_watch_signals(void) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = 0; /* no SA_RESTART: a blocked read returns so the loop sees the flag */
    sigemptyset(&action.sa_mask);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}

int termguard_take_signal(void) {
    int sig = pending_signal;
    pending_signal = 0;
    return sig;
}

void termguard_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
