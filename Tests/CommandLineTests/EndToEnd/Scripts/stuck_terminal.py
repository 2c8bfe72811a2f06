"""Runs leadterm in a pseudo-terminal that stops reading the app's output, against
a service that accepts connections and never answers; types into a new-lead form,
makes the app repaint until its writes block, sends SIGHUP, and prints how long the
process took to end and its exit status as JSON.

usage: stuck_terminal.py LEADTERM STATE_DIR
Loopback only; bounded: the child is killed after 10 s.
"""
import fcntl, json, os, pty, signal, socket, struct, sys, termios, time

binary, state = sys.argv[1], sys.argv[2]
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(16)   # accepts (the kernel does) and never answers
port = server.getsockname()[1]

pid, master = pty.fork()
if pid == 0:
    os.environ.update({"TERM": "xterm-256color", "LEADTERM_BASE_URL": "http://127.0.0.1:%d/api/v1/" % port,
                       "LEADTERM_API_KEY": "k", "LEADTERM_TOKEN": "t", "XDG_STATE_HOME": state,
                       "XDG_CONFIG_HOME": os.path.join(state, "config")})
    os.execv(binary, [binary, "--timeout", "600"])


def set_size(rows, columns):
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


set_size(30, 100)
os.set_blocking(master, False)
end = time.time() + 1.5
while time.time() < end:   # the first frames are read; then nothing more is
    try:
        os.read(master, 65536)
    except BlockingIOError:
        time.sleep(0.02)
os.write(master, b"a")
time.sleep(0.3)
os.write(master, "Zoë typed".encode())
time.sleep(0.3)
for i in range(400):   # full repaints nobody reads: the app's writes fill the terminal and block
    set_size(30 + i % 40, 100 + i % 150)
    os.kill(pid, signal.SIGWINCH)
    time.sleep(0.005)
time.sleep(1)

started = time.time()
os.kill(pid, signal.SIGHUP)
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        print(json.dumps({"seconds": time.time() - started, "status": os.waitstatus_to_exitcode(status)}))
        break
    if time.time() - started > 10:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print(json.dumps({"seconds": None, "status": None}))
        break
    time.sleep(0.005)
