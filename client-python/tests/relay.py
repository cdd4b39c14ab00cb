"""A TCP relay between the client and the runtime that a test can cut: every open connection is closed at once, as
when a load balancer restarts or a network path drops, so the client's streams really break mid-call."""
import socket
import threading


class Relay:
    def __init__(self, target_host: str, target_port: int, port: int = 0):
        self._target = (target_host, target_port)
        self._server = socket.create_server(("127.0.0.1", port))
        self.address = "127.0.0.1:%d" % self._server.getsockname()[1]
        self._lock = threading.Lock()
        self._open = []
        self.cuts = 0
        self.accepted = 0
        self._cut_after = None  # bytes the runtime may still send before every connection is cut
        threading.Thread(target=self._accept, daemon=True, name="relay-accept").start()

    def cut(self) -> int:
        """Closes every connection open now; returns how many there were."""
        with self._lock:
            conns, self._open = self._open, []
            self.cuts += 1
        for s in conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        return len(conns)

    def cut_after(self, nbytes: int) -> None:
        """Cuts every connection once the runtime has sent ``nbytes`` more to the client, in the middle of whatever
        stream carries them, however much of it the client has read or buffered."""
        with self._lock:
            self._cut_after = nbytes

    def close(self) -> None:
        self._server.close()
        self.cut()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self._target)
            with self._lock:
                self._open += [client, upstream]
                self.accepted += 1
            for a, b, downstream in ((client, upstream, False), (upstream, client, True)):
                threading.Thread(target=self._pipe, args=(a, b, downstream), daemon=True, name="relay-pipe").start()

    def _pipe(self, source: socket.socket, sink: socket.socket, downstream: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if downstream and self._counts_to_cut(len(data)):
                    self.cut()
                    break
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.close()
            except OSError:
                pass

    def _counts_to_cut(self, n: int) -> bool:
        with self._lock:
            if self._cut_after is None:
                return False
            self._cut_after -= n
            if self._cut_after > 0:
                return False
            self._cut_after = None
            return True
