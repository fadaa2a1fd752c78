package cn.gdeea.examphoto.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFilesTests {

    @TempDir
    Path root;

    @Test
    void deletesTheFoldersOfStoppedProcessesAtStartUpAndKeepsThoseOfRunningOnes() throws Exception {
        // A process killed with -9: its folder and lock file remain, but nobody holds the lock.
        Path crashed = Files.createDirectories(root.resolve("p-crashed"));
        Files.createFile(crashed.resolve(".lock"));
        Path roster = Files.writeString(crashed.resolve("roster"), "44010619900101001X");
        Path stray = Files.writeString(root.resolve("export-1.zip"), "zip");
        try (WorkFiles running = new WorkFiles(new WorkSettings(root))) {
            Path own = running.newFile("roster-errors-", ".csv");

            try (WorkFiles second = new WorkFiles(new WorkSettings(root))) {
                assertThat(roster).doesNotExist();
                assertThat(crashed).doesNotExist();
                assertThat(stray).doesNotExist();
                // The first process still runs: its files stay.
                assertThat(own).exists();
                assertThat(second.folder()).isNotEqualTo(running.folder());
            }
        }
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFolderWithoutALockIsLeftAloneWhileItsProcessMayStillBeStarting() throws Exception {
        Path starting = Files.createDirectories(root.resolve("p-starting"));
        Path old = Files.createDirectories(root.resolve("p-old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        try (WorkFiles ignored = new WorkFiles(new WorkSettings(root))) {
            assertThat(starting).exists();
            assertThat(old).doesNotExist();
        }
    }
}
