package cn.gdeea.examphoto.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies per endpoint before anything is parsed or spooled to disk. Servlet
 * multipart limits are one global number, and a roster file (≈120 MB for 760,000 rows) must not
 * open every photo endpoint to bodies that size: photo uploads get {@code max-request}, the bulk
 * paths (roster import) {@code max-bulk-request}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimitFilter extends OncePerRequestFilter {

    private final Settings settings;
    private final ObjectMapper json;

    UploadLimitFilter(Settings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** {@code examphoto.upload.*}. */
    @ConfigurationProperties("examphoto.upload")
    record Settings(@DefaultValue("20MB") DataSize maxRequest,
                    @DefaultValue("1GB") DataSize maxBulkRequest,
                    @DefaultValue("/api/admin/roster-imports") List<String> bulkPaths) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = settings.bulkPaths().contains(request.getRequestURI())
                ? settings.maxBulkRequest().toBytes() : settings.maxRequest().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), new ApiError(413, "request.too_large",
                    "上传的内容太大（上限 " + DataSize.ofBytes(limit).toMegabytes() + " MB）",
                    "The upload is too large (limit " + DataSize.ofBytes(limit).toMegabytes() + " MB)", null));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Bounded(request, limit), response);
    }

    /** A body of undeclared length (chunked) is cut off at the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new TooLarge();
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    /** Thrown while reading a body past its limit; the error handler answers 413. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the limit");
        }
    }
}
