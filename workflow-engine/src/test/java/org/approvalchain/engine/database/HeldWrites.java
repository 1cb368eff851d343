package org.approvalchain.engine.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A file system for H2 ({@code jdbc:h2:held:} and a path) whose writes wait while {@link #hold()}
 * is in force: a write H2 makes on a thread of its own is caught before it reaches the file.
 * Public with a public constructor because H2 makes one per path by reflection.
 */
public final class HeldWrites extends FilePathWrapper {

    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static volatile CountDownLatch reached = new CountDownLatch(1);

    static void register() {
        FilePath.register(new HeldWrites());
    }

    /** From now on every write waits for {@link #release()}. */
    static void hold() {
        reached = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Whether a write is waiting, within {@code timeout}. */
    static boolean awaitWriteHeld(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void release() {
        release.countDown();
    }

    @Override
    public String getScheme() {
        return "held";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static void waitWhileHeld() throws IOException {
        reached.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the write was held", e);
        }
    }

    private static final class Channel extends FileBase {

        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            waitWhileHeld();
            return file.write(src, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            waitWhileHeld();
            return file.write(src);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
