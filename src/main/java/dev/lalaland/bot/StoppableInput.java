package dev.lalaland.bot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Standard input for console mode that can also be ended from another thread, as if Ctrl-D had
 * been typed: a read blocked on a terminal or pipe cannot be interrupted, so a daemon thread does
 * the reading and this reader takes what it read from a queue. {@code docker stop} (SIGTERM) then
 * ends the session the ordinary way, and the process exits 0 instead of the JVM's 143.
 */
final class StoppableInput extends Reader {
    /** The end of the input, by identity: from the source's end, a read error or {@link #end}. */
    private static final char[] END = new char[0];

    private final BlockingQueue<char[]> chunks = new LinkedBlockingQueue<>();
    private volatile IOException readError;
    private char[] current = new char[0];
    private int position;
    private boolean ended;

    StoppableInput(Reader source) {
        Thread pump = new Thread(() -> pump(source), "console-input");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(Reader source) {
        char[] buffer = new char[4096];
        try {
            int n;
            while ((n = source.read(buffer)) != -1) {
                chunks.add(Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            readError = e;
        } finally {
            chunks.add(END);
        }
    }

    /** Ends the input: what was read before it is still delivered, then the end. */
    void end() {
        chunks.add(END);
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for input");
            }
            position = 0;
            if (current == END) {
                ended = true;
                if (readError != null) {
                    throw readError;
                }
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        end();
    }
}
