"""Stand-ins for the services the fault tests break, on 127.0.0.1 only, so that the machine's own
PostgreSQL and Redis are never stopped: a TCP proxy that can be cut and restored, another process's
lock on an SQLite file, a minimal SMTP server that keeps what it receives, and a free port nothing
listens on."""

import socket
import socketserver
import sqlite3
import threading
from email import message_from_bytes


def closed_port():
    """A port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CuttableProxy:
    """Forwards 127.0.0.1:`port` to `target`. `cut()` drops every open connection and closes each
    new one as soon as it is accepted (what a client sees of a server that went away);
    `restore()` forwards again."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.open = set()
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.open.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source, destination):
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass
        for end in (source, destination):
            self._drop(end)

    def _drop(self, end):
        with self.lock:
            self.open.discard(end)
        try:
            end.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        end.close()

    def cut(self):
        self.up = False
        with self.lock:
            ends = list(self.open)
        for end in ends:
            self._drop(end)

    def restore(self):
        self.up = True

    def close(self):
        self.cut()
        self.listener.close()


class SqliteLock:
    """Another process holding an SQLite file's exclusive lock, as `sqlite3 db.sqlite3 ".restore
    backup.sqlite3"` or a VACUUM does: `cut()` takes it, so every other connection's query waits its
    busy timeout and fails with "database is locked"; `restore()` lets go. Rollback-journal files
    only (a write-ahead log lets readers past an exclusive transaction)."""

    def __init__(self, path):
        self.path = path
        self.holder = None

    def cut(self):
        self.holder = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        assert self.holder.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
        self.holder.execute("BEGIN EXCLUSIVE")

    def restore(self):
        if self.holder:
            self.holder.execute("ROLLBACK")
            self.holder.close()
            self.holder = None

    close = restore


class _SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 localhost ESMTP")
        envelope = {"to": []}
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                envelope = {"to": []}
                self.reply("250 OK")
            elif verb == "RCPT":
                envelope["to"].append(command.split(":", 1)[1].strip(" <>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data)
                envelope["message"] = message_from_bytes(b"".join(lines))
                self.server.received.append(envelope)
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("250 OK")


class SmtpServer(socketserver.ThreadingTCPServer):
    """Takes every message and keeps it in `received` ({"to": [...], "message": Message})."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        self.received = []
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def stop(self):
        self.shutdown()
        self.server_close()
