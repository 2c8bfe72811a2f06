#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* The wide API (get_wch, cchar_t, setcchar) exists only when these are set
   before ncurses.h; SwiftPM drops pkg-config's -D flags, so they live here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncurses.h>
#include <term.h>

/* Mutable C globals as functions (Swift 6 rejects them as not concurrency-safe). */
static inline WINDOW *ncw_stdscr(void) { return stdscr; }
static inline int ncw_lines(void) { return LINES; }
static inline int ncw_cols(void) { return COLS; }
static inline int ncw_colors(void) { return COLORS; }
static inline int ncw_color_pairs(void) { return COLOR_PAIRS; }

/* Macros the importer drops. */
static const attr_t NCW_A_NORMAL = A_NORMAL;
static const attr_t NCW_A_BOLD = A_BOLD;
static const attr_t NCW_A_DIM = A_DIM;
static const attr_t NCW_A_REVERSE = A_REVERSE;
static const attr_t NCW_A_UNDERLINE = A_UNDERLINE;
static const attr_t NCW_A_ITALIC = A_ITALIC;
static const mmask_t NCW_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t NCW_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t NCW_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t NCW_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t NCW_BUTTON5_PRESSED = BUTTON5_PRESSED;
/* Whether the terminal can move the cursor (a "dumb" terminal cannot draw a screen). */
static inline int ncw_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
static inline const char *ncw_codeset(void) { return nl_langinfo(CODESET); }
static inline FILE *ncw_stdout(void) { return stdout; }
/* Key codes of our own for the bracketed-paste markers (define_key). */
static const int NCW_KEY_PASTE_START = KEY_MAX + 1;
static const int NCW_KEY_PASTE_END = KEY_MAX + 2;
/* The C library's idea of a code point's width: what ncurses moves the cursor by. */
extern int wcwidth(wchar_t c);
static inline int ncw_wcwidth(wchar_t c) { return wcwidth(c); }
static inline FILE *ncw_stdin(void) { return stdin; }
#endif
