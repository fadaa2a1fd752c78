package cn.gdeea.examphoto.candidate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gdeea.examphoto.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

class PortraitsReadTests {

    @Test
    void refusesAPartLargerThanAnyPhotoBeforeReadingItIntoMemory() {
        Part huge = new Part(400L << 20);
        assertThatThrownBy(() -> Portraits.read(huge)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(e.toError().code()).isEqualTo("image.too_large_bytes");
        });
        assertThat(huge.read).isFalse();
        assertThat(Portraits.read(new Part(1024))).hasSize(1024);
    }

    /** A part that only claims its size, and says whether anyone read it. */
    private static final class Part implements MultipartFile {
        private final long size;
        private boolean read;

        Part(long size) {
            this.size = size;
        }

        @Override public String getName() { return "file"; }
        @Override public String getOriginalFilename() { return "a.jpg"; }
        @Override public String getContentType() { return "image/jpeg"; }
        @Override public boolean isEmpty() { return size == 0; }
        @Override public long getSize() { return size; }

        @Override
        public byte[] getBytes() {
            read = true;
            return new byte[(int) Math.min(size, 1 << 20)];
        }

        @Override
        public InputStream getInputStream() {
            read = true;
            return new ByteArrayInputStream(getBytes());
        }

        @Override
        public void transferTo(File dest) {
            throw new UnsupportedOperationException();
        }
    }
}
