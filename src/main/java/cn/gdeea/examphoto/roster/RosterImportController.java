package cn.gdeea.examphoto.roster;

import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.job.WorkFiles;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The admin's roster import (预报名名单导入). */
@RestController
@RequestMapping("/api/admin/roster-imports")
@Tag(name = "roster", description = "预报名名单导入 Roster import")
class RosterImportController {

    private final RosterImports imports;
    private final WorkFiles work;

    RosterImportController(RosterImports imports, WorkFiles work) {
        this.imports = imports;
        this.work = work;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a roster (CSV or .xlsx) with an optional ZIP of reference photos; runs as a job")
    Jobs.JobStatus upload(@RequestPart("file") MultipartFile file,
                          @RequestPart(name = "photos", required = false) MultipartFile photos,
                          @AuthenticationPrincipal AuthenticatedUser admin) throws IOException {
        // The roster holds full ID numbers: it goes to this node's work folder, never the system temp directory.
        Path folder = work.newFolder("roster-upload-");
        try {
            Path roster = folder.resolve("roster");
            file.transferTo(roster);
            Path archive = null;
            if (photos != null && !photos.isEmpty()) {
                archive = folder.resolve("photos.zip");
                photos.transferTo(archive);
            }
            return imports.start(roster, file.getOriginalFilename(), archive, folder, admin);
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(folder);
            throw e;
        }
    }

    @GetMapping
    @Operation(summary = "The recent roster imports with their counts")
    List<RosterImports.ImportView> recent() {
        return imports.recent(20);
    }
}
