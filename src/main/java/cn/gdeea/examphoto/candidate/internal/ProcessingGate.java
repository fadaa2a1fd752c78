package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.web.ApiException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Bounds how many photos one node decodes and checks at once: a decoded 12 MP photo costs tens of
 * megabytes and the face networks a core each, so a burst of uploads waits here instead of
 * exhausting memory, and is turned away with 503 {@code server.busy} after {@code max-wait}, with
 * {@code Retry-After} of that wait.
 */
@Component
class ProcessingGate {

    private final Semaphore permits;
    private final Duration maxWait;

    ProcessingGate(@Value("${examphoto.photo.max-concurrent:0}") int maxConcurrent,
                   @Value("${examphoto.photo.max-wait:PT5S}") Duration maxWait) {
        int n = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(n, true);
        this.maxWait = maxWait;
    }

    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "server.busy", "系统繁忙，请稍后再试",
                    "The server is busy; please try again shortly").retryAfter(maxWait);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
