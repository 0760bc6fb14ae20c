package org.tribune.notes;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tribune.platform.NotFound;

/** The list of daily exports and their files (TSV and JSON), for anyone. */
@Controller
class NoteExportController {
    private final NoteExport export;

    NoteExportController(NoteExport export) {
        this.export = export;
    }

    @GetMapping("/notes/export")
    String list(Model model) {
        model.addAttribute("days", export.days());
        return "notes/export";
    }

    @GetMapping("/notes/export/{day}/{file}.tsv")
    ResponseEntity<String> tsv(@PathVariable String day, @PathVariable String file) {
        return ResponseEntity.ok().contentType(new MediaType("text", "tab-separated-values", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name(day, file) + ".tsv\"")
                .body(export.tsv(checked(day), file));
    }

    @GetMapping("/notes/export/{day}/{file}.json")
    ResponseEntity<List<Map<String, String>>> json(@PathVariable String day, @PathVariable String file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name(day, file) + ".json\"")
                .body(export.json(checked(day), file));
    }

    private static String checked(String day) {
        if (!day.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new NotFound("export");
        }
        return day;
    }

    private static String name(String day, String file) {
        return "tribune-" + file.replaceAll("[^a-z]", "") + "-" + checked(day);
    }
}
