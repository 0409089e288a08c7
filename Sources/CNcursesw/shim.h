// The only C in sargs: ncursesw as Swift 6 can use it.
//
// SwiftPM drops pkg-config's -D flags, so the wide-character API is switched
// on here, before curses.h. ncurses' global variables are re-declared as
// nonisolated(unsafe) (they are only touched from the thread that drives the
// terminal) and also offered through accessor functions; macros that Swift
// cannot import (attribute bits, COLOR_PAIR, KEY_F) become inline functions,
// so no macro value is ever retyped in Swift.
#ifndef SARGS_CNCURSESW_SHIM_H
#define SARGS_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <ncursesw/curses.h>

#define SARGS_NONISOLATED_UNSAFE __attribute__((swift_attr("nonisolated(unsafe)")))

// ncurses' globals, for code that wants them as variables.
extern WINDOW *stdscr SARGS_NONISOLATED_UNSAFE;
extern int LINES SARGS_NONISOLATED_UNSAFE;
extern int COLS SARGS_NONISOLATED_UNSAFE;
extern int COLORS SARGS_NONISOLATED_UNSAFE;
extern int COLOR_PAIRS SARGS_NONISOLATED_UNSAFE;
extern int ESCDELAY SARGS_NONISOLATED_UNSAFE;

// The same globals through functions.
static inline WINDOW *sargs_stdscr(void) { return stdscr; }
static inline int sargs_lines(void) { return LINES; }
static inline int sargs_cols(void) { return COLS; }
static inline int sargs_colors(void) { return COLORS; }
static inline int sargs_color_pairs(void) { return COLOR_PAIRS; }
static inline int sargs_escdelay(void) { return ESCDELAY; }

// The C streams ncurses writes to and reads from.
static inline FILE *sargs_stdout(void) { return stdout; }
static inline FILE *sargs_stdin(void) { return stdin; }

// Whether the current terminal can move the cursor (terminfo "cup"):
// `dumb` and printing terminals cannot, and a board cannot be drawn on them.
static inline int sargs_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

// Attribute bits.
static inline attr_t sargs_a_normal(void) { return A_NORMAL; }
static inline attr_t sargs_a_bold(void) { return A_BOLD; }
static inline attr_t sargs_a_dim(void) { return A_DIM; }
static inline attr_t sargs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sargs_a_reverse(void) { return A_REVERSE; }
static inline attr_t sargs_a_italic(void) { return A_ITALIC; }
static inline attr_t sargs_a_standout(void) { return A_STANDOUT; }
static inline attr_t sargs_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

// Results and key codes.
static inline int sargs_err(void) { return ERR; }
static inline int sargs_ok(void) { return OK; }
static inline int sargs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sargs_key_resize(void) { return KEY_RESIZE; }
static inline int sargs_key_up(void) { return KEY_UP; }
static inline int sargs_key_down(void) { return KEY_DOWN; }
static inline int sargs_key_left(void) { return KEY_LEFT; }
static inline int sargs_key_right(void) { return KEY_RIGHT; }
static inline int sargs_key_home(void) { return KEY_HOME; }
static inline int sargs_key_end(void) { return KEY_END; }
static inline int sargs_key_ppage(void) { return KEY_PPAGE; }
static inline int sargs_key_npage(void) { return KEY_NPAGE; }
static inline int sargs_key_enter(void) { return KEY_ENTER; }
static inline int sargs_key_backspace(void) { return KEY_BACKSPACE; }
static inline int sargs_key_dc(void) { return KEY_DC; }
static inline int sargs_key_ic(void) { return KEY_IC; }
static inline int sargs_key_btab(void) { return KEY_BTAB; }
static inline int sargs_key_f0(void) { return KEY_F0; }
static inline int sargs_key_f(int n) { return KEY_F(n); }
static inline int sargs_key_a1(void) { return KEY_A1; }
static inline int sargs_key_a3(void) { return KEY_A3; }
static inline int sargs_key_c1(void) { return KEY_C1; }
static inline int sargs_key_c3(void) { return KEY_C3; }
static inline int sargs_key_b2(void) { return KEY_B2; }
static inline int sargs_key_sleft(void) { return KEY_SLEFT; }
static inline int sargs_key_sright(void) { return KEY_SRIGHT; }
static inline int sargs_key_shome(void) { return KEY_SHOME; }
static inline int sargs_key_send(void) { return KEY_SEND; }

// Bracketed paste: the terminal's start and end markers, as key codes past
// ncurses' own (define_key maps each sequence to its code).
static inline int sargs_key_paste_start(void) { return KEY_MAX + 1; }
static inline int sargs_key_paste_end(void) { return KEY_MAX + 2; }
// Alt-Enter (ESC then CR) as one key, so ncurses keeps parsing what follows an Esc.
static inline int sargs_key_alt_enter(void) { return KEY_MAX + 3; }
static inline void sargs_define_paste_keys(void) {
    define_key("\033[200~", KEY_MAX + 1);
    define_key("\033[201~", KEY_MAX + 2);
    define_key("\033\r", KEY_MAX + 3);
}

// The mouse: presses of the first button and the wheel, reported at once
// (mouseinterval 0: a double click is told apart by sargs, not by waiting).
static inline int sargs_key_mouse(void) { return KEY_MOUSE; }
static inline int sargs_key_min(void) { return KEY_MIN; }
static inline int sargs_mouse_on(void) {
    mouseinterval(0);
    mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
    return mousemask(wanted, NULL) == wanted ? 1 : (mousemask(wanted, NULL) != 0);
}
static inline void sargs_mouse_off(void) { mousemask(0, NULL); }
// The last mouse event: 1 a press of the first button, 4 the wheel up,
// 5 the wheel down, 0 anything else; -1 when there is none.
static inline int sargs_mouse_event(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    return 0;
}

// Locale.
static inline int sargs_lc_all(void) { return LC_ALL; }
static inline int sargs_lc_ctype(void) { return LC_CTYPE; }
static inline const char *sargs_codeset(void) { return nl_langinfo(CODESET); }

#endif
