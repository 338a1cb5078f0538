package dev.aftersales.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP path to a server that a test can cut: forwards every connection to the target until {@link #cut()}, then
 * black-holes. During a cut, new connections are accepted but never answered, and bytes on existing connections are
 * held, as when the network to the database host goes silent, so that timeouts (not quick refusals) end the waits.
 * {@link #restore()} drops the connections that lived through the cut and forwards new ones again.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Socket> sockets = new ArrayList<>();
    private boolean cut;
    private boolean closed;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** The local port to connect to instead of the target's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing gets through, in either direction, and nothing is refused either. */
    public synchronized void cut() {
        cut = true;
    }

    /** Drops every connection that saw the cut; new connections reach the target again. */
    public synchronized void restore() {
        closeAll(sockets);
        sockets.clear();
        cut = false;
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeAll(sockets);
        sockets.clear();
        notifyAll();
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            synchronized (this) {
                if (closed) {
                    closeAll(List.of(client));
                    return;
                }
                sockets.removeIf(Socket::isClosed);
                sockets.add(client);
                if (cut) {
                    continue; // accepted, never answered: dropped by restore()
                }
            }
            try {
                client.setTcpNoDelay(true);
                Socket server = new Socket();
                server.setTcpNoDelay(true);
                server.connect(new InetSocketAddress(targetHost, targetPort), 5000);
                synchronized (this) {
                    sockets.add(server);
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeAll(List.of(client));
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!waitWhileCut(from)) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException closed) {
                // one side went away
            } catch (IOException e) {
                // one side went away
            } finally {
                closeAll(List.of(from, to));
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Holds the bytes while the path is cut; false when the connection was dropped meanwhile. */
    private synchronized boolean waitWhileCut(Socket from) {
        while (cut && !closed && !from.isClosed()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed && !from.isClosed();
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
