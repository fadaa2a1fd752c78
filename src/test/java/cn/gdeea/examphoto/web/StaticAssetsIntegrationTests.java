package cn.gdeea.examphoto.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front ends over plain HTTP, as a browser fetches them: hashed assets come precompressed
 * (brotli, else gzip) and cacheable for a year; the index pages and the API are never cached.
 * Sizes are printed so that the figures in the docs come from a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(?:js|css))\"");

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void sendsTheLoginRouteBrotliCompressedAndCacheableForAYear() throws Exception {
        for (String app : List.of("candidate", "staff")) {
            long raw = 0;
            long br = 0;
            long gz = 0;
            for (String asset : assetsOf(app)) {
                HttpResponse<byte[]> identity = get(asset, null);
                HttpResponse<byte[]> brotli = get(asset, "br, gzip, deflate");
                HttpResponse<byte[]> gzip = get(asset, "gzip, deflate");
                assertThat(identity.statusCode()).as(asset).isEqualTo(200);
                assertThat(identity.headers().firstValue("Content-Encoding")).as(asset).isEmpty();
                assertThat(brotli.headers().firstValue("Content-Encoding")).as(asset).hasValue("br");
                assertThat(gzip.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
                assertThat(brotli.body()).as(asset).isEqualTo(classpath(asset + ".br"));
                assertThat(gunzip(gzip.body())).as(asset).isEqualTo(identity.body());
                assertThat(brotli.body().length).as(asset).isLessThan(identity.body().length / 2);
                for (HttpResponse<byte[]> response : List.of(identity, brotli, gzip)) {
                    assertThat(response.headers().firstValue("Cache-Control")).as(asset)
                            .hasValue("max-age=31536000, public, immutable");
                    assertThat(response.headers().allValues("Vary").stream()
                            .flatMap(v -> java.util.Arrays.stream(v.split(",\\s*")))).as(asset).contains("Accept-Encoding");
                    assertThat(response.headers().firstValue("Pragma")).as(asset).isEmpty();
                }
                assertThat(brotli.headers().firstValue("Content-Type").orElseThrow()).as(asset)
                        .startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css");
                raw += identity.body().length;
                br += brotli.body().length;
                gz += gzip.body().length;
            }
            System.out.printf("%s login route over HTTP: %.1f KB raw, %.1f KB gzip, %.1f KB brotli%n",
                    app, raw / 1024.0, gz / 1024.0, br / 1024.0);
        }
    }

    @Test
    void neverCachesTheIndexPagesOrTheApi() throws Exception {
        for (String path : List.of("/candidate/", "/staff/", "/candidate/index.html", "/api/candidate/public/config",
                "/api/staff/queue")) {
            HttpResponse<byte[]> response = get(path, "br, gzip");
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-store");
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).doesNotContain("immutable");
        }
    }

    @Test
    void answersAnUnknownAssetWithNotFound() throws Exception {
        assertThat(get("/assets/nothing-here-0000.js", "br, gzip").statusCode()).isEqualTo(404);
        assertThat(get("/assets/../application.properties", null).statusCode()).isIn(400, 404);
    }

    private List<String> assetsOf(String app) throws Exception {
        String html = new String(get("/" + app + "/", null).body());
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as("scripts and stylesheets of /%s/ (is the front end built?)", app).isNotEmpty();
        return assets;
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] classpath(String asset) throws IOException {
        try (InputStream in = new ClassPathResource("static" + asset).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
