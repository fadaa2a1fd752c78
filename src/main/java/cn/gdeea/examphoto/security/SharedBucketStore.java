package cn.gdeea.examphoto.security;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bucket4j buckets kept in the shared database table {@code login_bucket}, so that every node
 * counts the same failures (candidate and staff login throttles). Bucket4j's own JDBC modules lock rows with vendor-specific SQL (and
 * have no H2 variant); a compare-and-swap on one row is plain SQL and runs unchanged on H2 and
 * PostgreSQL.
 */
public final class SharedBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final JdbcClient jdbc;
    private final Duration keep;

    /** @param keep how long an untouched bucket is kept (longer than its longest refill) */
    public SharedBucketStore(JdbcClient jdbc, Duration keep) {
        super(ClientSideConfig.getDefault());
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return jdbc.sql("select state from login_bucket where bucket_key = ?").param(key)
                        .query(byte[].class).optional();
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
                OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(keep);
                if (original == null) {
                    try {
                        return jdbc.sql("insert into login_bucket (bucket_key, state, expires_at) values (?, ?, ?)")
                                .params(key, updated, expires).update() == 1;
                    } catch (DuplicateKeyException raced) {
                        return false;
                    }
                }
                return jdbc.sql("update login_bucket set state = ?, expires_at = ? where bucket_key = ? and state = ?")
                        .params(updated, expires, key, original).update() == 1;
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeProxy(String key) {
        jdbc.sql("delete from login_bucket where bucket_key = ?").param(key).update();
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    /** Drops buckets nobody touched for {@code keep}: they would be full again anyway. */
    public void purgeExpired() {
        jdbc.sql("delete from login_bucket where expires_at < ?").param(OffsetDateTime.now(ZoneOffset.UTC)).update();
    }
}
