package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.storage.PhotoStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Times the store's writes and reads ({@code examphoto.stage{stage=storage.put|storage.get}}), so
 * the latency of an upload can be split into its parts on a running node.
 */
final class TimedPhotoStorage implements PhotoStorage, AutoCloseable {

    private final PhotoStorage store;
    private final Timer puts;
    private final Timer gets;

    TimedPhotoStorage(PhotoStorage store, MeterRegistry registry) {
        this.store = store;
        this.puts = Timer.builder("examphoto.stage").tag("stage", "storage.put").register(registry);
        this.gets = Timer.builder("examphoto.stage").tag("stage", "storage.get").register(registry);
    }

    /** The store being timed. */
    PhotoStorage delegate() {
        return store;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        puts.record(() -> store.put(key, bytes, contentType));
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) {
        puts.record(() -> store.put(key, content, length, contentType));
    }

    @Override
    public Optional<byte[]> get(String key) {
        return gets.record(() -> store.get(key));
    }

    @Override
    public Optional<InputStream> open(String key) {
        return store.open(key);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public void list(String prefix, Consumer<StoredFile> each) {
        store.list(prefix, each);
    }

    @Override
    public void close() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
