// The compiled-in defaults: the app starts with these when the shipped files
// are missing or a file has a problem. A test checks they equal
// themes/default.toml and keymaps/default.toml, so the two cannot drift:
// after editing a shipped file, paste it here too.
enum BuiltInDefaults {
    static let theme = #"""
# leadterm theme "default": dark background.
# Each palette colour is a ladder: #rrggbb for true colour, a 256-colour index,
# a base name for 16/8-colour terminals. `mono` is used when there is no colour.
name = "default"

[palette]
fg      = { hex = "#d8dee9", index = 253, base = "white" }
dim     = { hex = "#7b8394", index = 244, base = "bright-black" }
bg      = { hex = "#1c1f26", index = 234, base = "black" }
panel   = { hex = "#262a33", index = 236, base = "black" }
accent  = { hex = "#61afef", index = 75, base = "bright-blue" }
select  = { hex = "#2f4a6d", index = 24, base = "blue" }
red     = { hex = "#e06c75", index = 204, base = "red" }
green   = { hex = "#98c379", index = 114, base = "green" }
yellow  = { hex = "#e5c07b", index = 180, base = "yellow" }
orange  = { hex = "#d19a66", index = 173, base = "yellow" }
purple  = { hex = "#c678dd", index = 176, base = "magenta" }
cyan    = { hex = "#56b6c2", index = 73, base = "cyan" }
grey    = { hex = "#95a5a6", index = 247, base = "white" }

[styles]
"ui.text" = "fg"
"ui.text.dim" = "dim"
"ui.title" = { fg = "accent", modifiers = ["bold"], mono = ["bold"] }
"ui.header" = { fg = "dim", modifiers = ["bold"], mono = ["bold"] }
"ui.selection" = { fg = "fg", bg = "select", modifiers = ["bold"], mono = ["reverse"] }
"ui.selection.unfocused" = { fg = "fg", bg = "panel", mono = ["underline"] }
"ui.border" = "dim"
"ui.border.focused" = { fg = "accent", mono = ["bold"] }
"ui.placeholder" = { fg = "dim", modifiers = ["italic"], mono = ["dim"] }
"ui.cursor" = { fg = "bg", bg = "fg", mono = ["reverse"] }
"ui.input" = { fg = "fg", bg = "panel", mono = ["underline"] }
"ui.input.focused" = { fg = "fg", bg = "panel", mono = ["underline"] }
"ui.label" = "dim"
"ui.help.key" = { fg = "accent", modifiers = ["bold"], mono = ["bold"] }
"ui.help.group" = { fg = "yellow", modifiers = ["bold"], mono = ["bold", "underline"] }
"ui.tab" = { fg = "dim", bg = "panel" }
"ui.tab.active" = { fg = "bg", bg = "accent", modifiers = ["bold"], mono = ["reverse"] }
"ui.dialog" = { fg = "fg", bg = "panel" }
"ui.hint" = { fg = "dim", bg = "panel" }
"ui.hint.key" = { fg = "accent", bg = "panel", modifiers = ["bold"], mono = ["bold"] }
"ui.spinner" = { fg = "accent", bg = "panel" }
"ui.chart.bar" = "accent"
"ui.calendar.today" = { fg = "accent", modifiers = ["bold", "underline"], mono = ["bold", "underline"] }
"ui.calendar.selected" = { fg = "bg", bg = "accent", mono = ["reverse"] }
"ui.calendar.marker" = { fg = "yellow", modifiers = ["bold"], mono = ["bold"] }
"ui.calendar.weekend" = "dim"
"status.info" = { fg = "fg", bg = "panel" }
"status.warning" = { fg = "yellow", bg = "panel", modifiers = ["bold"], mono = ["bold"] }
"status.error" = { fg = "red", bg = "panel", modifiers = ["bold"], mono = ["bold", "reverse"] }
"status.success" = { fg = "green", bg = "panel" }
"data.stale" = { fg = "dim", modifiers = ["italic"], mono = ["dim"] }
"form.error" = { fg = "red", mono = ["bold"] }
"form.error.summary" = { fg = "red", modifiers = ["bold"], mono = ["bold", "reverse"] }
"lead.status" = "fg"
"lead.status.prospect" = "accent"
"lead.status.contact" = "purple"
"lead.status.tentative" = "yellow"
"lead.status.potential" = "orange"
"lead.status.customer" = { fg = "green", modifiers = ["bold"], mono = ["bold"] }
"lead.status.closed" = "grey"
"appointment.status" = "fg"
"appointment.status.pending" = "yellow"
"appointment.status.confirmed" = "green"
"appointment.status.rescheduled" = "orange"
"appointment.status.cancelled" = { fg = "dim", modifiers = ["dim"], mono = ["dim"] }
"appointment.status.fullfilled" = "cyan"

"""#

    static let keymap = #"""
# leadterm default keymap. One table per context; the topmost context on the
# stack wins. A user file (~/.config/leadterm/keymap.toml) overrides only the
# keys it names; "none" unbinds one. Two-key sequences are written "g g".

[global]
"?" = "app.help"
":" = "app.palette"
q = "app.quit"
"/" = "app.filter"
tab = "pane.next"
"shift-tab" = "pane.previous"
"1" = "view.leads"
"2" = "view.calendar"
"3" = "view.overview"
r = "app.refresh"
"ctrl-l" = "app.redraw"
"ctrl-z" = "app.suspend"
"ctrl-c" = "app.quit"
esc = "app.back"

[list]
j = "list.down"
down = "list.down"
k = "list.up"
up = "list.up"
g = "list.top"
home = "list.top"
G = "list.bottom"
end = "list.bottom"
"ctrl-f" = "list.page.down"
pgdn = "list.page.down"
"ctrl-b" = "list.page.up"
pgup = "list.page.up"
enter = "list.open"

[leads]
a = "lead.new"
e = "lead.edit"
D = "lead.delete"
n = "note.new"
x = "note.delete"
o = "leads.toggle.assigned"
s = "leads.sort.next"
A = "appointment.new.for.lead"
"y e" = "lead.copy.email"
"y p" = "lead.copy.phone"
"y n" = "lead.copy.name"
"y s" = "lead.copy.slug"
"y y" = "lead.copy.row"
# Marks: space marks (or unmarks) and goes on, v marks back to the last space, * every lead of the list.
space = "mark.toggle"
v = "mark.range"
"*" = "mark.all"
S = "marks.status"
# Saved views ([views] in settings.toml): the tabs above the list.
"]" = "view.next"
"[" = "view.previous"

# Forms: printable keys are text here, so only the form's own contexts
# (form, textarea, picker, choice) may bind them; keys of [global] that are not
# printable (ctrl-l, ctrl-z, ctrl-c) still apply.
[form]
tab = "form.field.next"
"shift-tab" = "form.field.previous"
down = "form.field.next"
up = "form.field.previous"
enter = "form.submit"
"ctrl-s" = "form.save"
esc = "form.cancel"

# A note's text area, over [form].
[textarea]
enter = "text.newline"
"ctrl-o" = "text.editor"
up = "text.line.up"
down = "text.line.down"

# The appointment form's lead field while it shows matches, over [form].
[picker]
up = "list.up"
down = "list.down"

# The lead form's status and source fields, over [form]: up/down cycle the choices.
[choice]
up = "list.up"
down = "list.down"

# The help overlay, over [list]: q closes it (as in less and man) rather than quitting.
[help]
q = "app.back"

# A note or activity read whole, over [list]: up/down and the page keys scroll its
# text, j/k go to the next (older) or previous one, q or enter closes it.
[reader]
j = "reader.next"
k = "reader.previous"
q = "app.back"
enter = "app.back"

# The / bar (esc is app.back: it clears the filter and closes the bar).
[filter]
enter = "filter.apply"

# The : palette (esc is app.back: it closes the palette).
[palette]
enter = "palette.run"
up = "list.up"
down = "list.down"
pgdn = "list.page.down"
pgup = "list.page.up"

# The outbox (": outbox"), over [list]: enter opens the selected change in its
# form, s sends it now, d discards it, q or esc closes.
[outbox]
s = "outbox.send"
d = "outbox.discard"
q = "app.back"

[dialog]
y = "dialog.yes"
n = "dialog.no"
esc = "dialog.no"

[pending]
u = "delete.undo"

[calendar]
u = "calendar.view.upcoming"
t = "calendar.view.today"
w = "calendar.view.week"
m = "calendar.view.month"
"[" = "calendar.period.previous"
"]" = "calendar.period.next"
h = "calendar.period.previous"
l = "calendar.period.next"
"." = "calendar.today"
left = "calendar.day.previous"
right = "calendar.day.next"
up = "calendar.up"
down = "calendar.down"
a = "appointment.new"
e = "appointment.edit"
c = "appointment.confirm"
f = "appointment.fulfil"
x = "appointment.cancel"
D = "appointment.delete"

"""#
}
