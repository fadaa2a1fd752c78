package cn.gdeea.examphoto.dashboard;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "dashboard", description = "Collection progress by city and registration point")
@RestController
class DashboardController {

    private final Dashboard dashboard;
    private final DailySeries daily;

    DashboardController(Dashboard dashboard, DailySeries daily) {
        this.dashboard = dashboard;
        this.daily = daily;
    }

    @Operation(summary = "Per day: candidates collected and manual-review submissions (reviewer: own points)")
    @GetMapping("/api/staff/dashboard/daily")
    List<DailySeries.Day> daily(@AuthenticationPrincipal AuthenticatedUser user,
                                @RequestParam(defaultValue = "30") int days) {
        return daily.lastDays(user, days);
    }

    @Operation(summary = "Counts by state overall, per city and per point (reviewer: own points)")
    @GetMapping("/api/staff/dashboard")
    Dashboard.Progress progress(@AuthenticationPrincipal AuthenticatedUser user) {
        return dashboard.progress(user);
    }
}
